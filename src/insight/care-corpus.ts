/**
 * Relais's own labeled messages, written for this project (no third-party text): what
 * customers write to a shop on social networks, in French and English, with the sentiment
 * a care team would file them under. `npm run train:classify` learns the shipped model's
 * weights from these and from the lexicons' entries. Conventions the team agreed on:
 * - a question, a request for information, an order number or a link alone is neutral;
 * - thanks and praise are positive, even short ("merci !", "thx");
 * - waiting, repeated contact, refunds asked for, damage and sarcasm are negative;
 * - mixed messages follow what the writer ends on ("merci mais toujours rien" is negative).
 * One message a line; blank lines are ignored.
 */
import type { Sentiment } from './classifier.ts';

export interface CorpusItem {
  text: string;
  sentiment: Sentiment;
  language: 'fr' | 'en';
}

const FR_NEGATIVE = `
je ne comprends pas pourquoi on m'a annulé ma commande
je ne comprends pas pourquoi je dois payer les frais de retour
la fermeture a lâché au bout d'une journée mdr
pourquoi mon colis n'est toujours pas arrivé ?
c'est normal que personne ne réponde depuis une semaine ?
vous comptez me rembourser quand ?
je ne suis pas satisfaite du tout
franchement je ne recommande pas
la livraison devait arriver lundi, on est vendredi
j'ai reçu la mauvaise taille et le mauvais coloris
le produit ne fonctionne pas, je veux un échange
l'article est défectueux dès la première utilisation
ça fait trois fois que je relance le service client
on me promet un rappel qui ne vient jamais
mon compte a été débité et toujours aucune confirmation
le transporteur dit que le colis vous est revenu, et maintenant ?
super l'emballage, dommage que le produit soit cassé
merci de m'avoir fait attendre 45 minutes au téléphone
je suis très mécontent de votre service
vous êtes injoignables
c'est le pire service client que j'ai connu
Toujours rien reçu depuis 3 semaines, c'est une blague ?
ça fait 10 jours que j'attends mon colis
Ma commande n'est toujours pas arrivée, personne ne me répond
3ème message sans réponse, vous comptez me répondre un jour ?
C'est la troisième fois que je vous écris !!!
je vous ai déjà contacté deux fois pour le même problème
Remboursez-moi, je ne veux plus rien avoir à faire avec vous
je veux être remboursée immédiatement
j'exige un remboursement
Colis reçu ouvert et la moitié manque
le pull est arrivé troué
le produit est arrivé cassé, emballage complètement écrasé
la bouteille a fui dans le carton, tout est taché
article non conforme à la photo, très déçue
la couleur n'a rien à voir avec le site
taille beaucoup trop petite et le retour est payant, sérieusement ?
super, encore un retard 🙄
génial, toujours pas de nouvelles de ma commande
bravo pour le suivi, mon colis a disparu
merci pour rien
merci de m'avoir ignoré pendant 2 semaines
on m'a prélevé deux fois
j'ai été débitée mais la commande est annulée ??
le code promo ne marche pas et le service client s'en fiche
votre site plante au moment de payer, j'abandonne
impossible de joindre le service client
personne ne décroche au téléphone
le livreur a mis avisé de passage alors que j'étais chez moi
le colis est marqué livré mais je n'ai rien reçu
colis perdu et aucune solution proposée
je ne commanderai plus jamais chez vous
plus jamais
fuyez cette boutique
arnaque totale, ne commandez pas
vous êtes des voleurs
qualité médiocre pour le prix
ça s'est déchiré au premier lavage
la crème m'a donné des boutons
nul nul nul
trop déçue de ma commande 😞
je suis furieux
inadmissible de traiter les clients comme ça
service client inexistant
aucune réponse à mes mails
j'attends toujours mon avoir
mon remboursement n'est toujours pas arrivé
vous m'aviez promis un geste commercial, j'attends encore
je regrette mon achat
ça ne vaut pas son prix
déçu, déçu, déçu
le colis est bloqué depuis une semaine
suivi non mis à jour depuis 8 jours, c'est normal ?
pourquoi personne ne répond ???
je n'ai jamais reçu le bon d'échange
la commande est partie à la mauvaise adresse et vous refusez de m'aider
c'est du vol
j'en ai marre d'attendre
ras le bol de vos retards
honteux
sérieux ?? encore annulé ?
votre appli ne fonctionne plus depuis la mise à jour
je ne recommande pas du tout
pas du tout conforme à la description
un mois pour un remboursement, c'est abusé
vous avez perdu une cliente
j'ai payé la livraison express et reçu en 12 jours
retour refusé sans explication
le chat en ligne ne sert à rien
toujours pas reçu 😡
TOUJOURS PAS REMBOURSÉ
ça commence à bien faire
je vais porter plainte
je vais laisser un avis négatif partout
les coutures lâchent déjà
odeur bizarre à l'ouverture, je n'ose pas l'utiliser
le bijou a noirci en deux jours
faux numéro de suivi
on se moque de qui ?
je suis vraiment dégoûtée
quelle déception
rien ne va avec cette commande
vous ne respectez pas les délais annoncés
le produit ne correspond pas du tout
encore une erreur dans ma commande
c'est pas possible d'être aussi lent
bon ben toujours rien...
bof bof, je m'attendais à mieux
pas terrible la qualité
franchement pas ouf
ça fait cheap
trop cher pour ce que c'est
dommage, le modèle taille très mal
`;

const FR_NEUTRAL = `
le code promo BIENVENUE est-il encore valable ?
bonjour, j'ai une question concernant ma commande
pouvez-vous me confirmer la date de livraison ?
je souhaiterais connaître le statut de mon remboursement
est-ce que le colis part aujourd'hui ?
à quelle adresse dois-je renvoyer l'article ?
y a-t-il un numéro de suivi ?
ma commande est la 20931, pouvez-vous vérifier ?
je vous envoie les photos par mail
est-ce que je peux passer récupérer en boutique ?
vous livrez le samedi ?
Bonjour, est-ce que vous livrez en Suisse ?
Quels sont les délais de livraison pour la Belgique ?
vous avez la taille 40 en noir ?
c'est dispo en magasin ?
Combien coûte la livraison ?
Commande 55821
n° de commande : FR-2291-XK
@maboutique
https://maboutique.fr/p/robe-lin
Bonjour, je voudrais modifier mon adresse de livraison
Est-il possible de changer la couleur de ma commande ?
Comment faire un retour ?
Je voudrais savoir si le pantalon taille grand
vous acceptez PayPal ?
quand est-ce que la collection d'été arrive ?
Bonjour, une question sur la composition du savon
Le modèle porte quelle taille ?
est-ce que ça passe au lave-vaisselle ?
Je vous envoie ma facture en message privé
Voici mon numéro de commande : 10482
Je suis à Lyon, vous avez un point de vente ?
La promo marche aussi sur les soldes ?
Bonjour
bonsoir
ok
d'accord, je regarde ça
je vous tiens au courant
c'est noté
vous pouvez me rappeler au 06 12 34 56 78 ?
j'ai passé commande hier soir
ma commande a été expédiée ce matin
le colis est en point relais
je l'ai commandé pour ma sœur
vous faites des cartes cadeaux ?
il reste du stock en 38 ?
le lien vers le guide des tailles svp
Est-ce que le colis est assuré ?
Quels transporteurs utilisez-vous ?
je voulais juste savoir où en est ma commande
je passe en boutique samedi
ce modèle existe en plusieurs couleurs ?
Pouvez-vous m'envoyer une facture ?
Quel est le code promo du moment ?
vous êtes ouverts le dimanche ?
je réessaie demain
j'ai envoyé un mail à ce sujet
Suite à notre échange, voici la photo demandée
Mon adresse est 12 rue des Lilas, 69003 Lyon
la livraison est prévue pour jeudi
C'est pour offrir, vous faites les paquets cadeaux ?
La taille M correspond à un 38 ?
Je mesure 1m70, quelle taille me conseillez-vous ?
le produit contient-il du parfum ?
Est-ce vegan ?
#soldes
RT @maboutique nouvelle collection en ligne
@maboutique @support
`;

const FR_POSITIVE = `
colis bien reçu, merci pour le suivi
vous avez été très réactifs, merci
le SAV a été parfait, merci pour l'échange
j'étais inquiète mais tout est arrivé à temps, merci
merci d'avoir réglé mon problème si vite
franchement rien à dire, tout est nickel
je suis ravi de mon achat 👍
enfin reçu, je l'adore 😍
merci pour le geste, c'est très apprécié
toujours un plaisir de commander chez vous
Merci beaucoup pour votre réponse rapide !
merci !
merci 🙏
Merci à l'équipe pour le geste commercial
colis reçu ce matin, tout est parfait
Reçu en 48h, très bien emballé, merci
je suis ravie de ma robe
J'adore ma nouvelle veste 😍
la qualité est au rendez-vous
service client au top, problème réglé en 5 minutes
merci Julie pour votre patience
trop contente de mon achat
super produit, je recommande
je recommande à 100 %
ma fille est ravie de son cadeau
livraison rapide et soignée
bravo pour l'emballage, zéro plastique
rien à redire, parfait
enfin reçu, et il est magnifique
merci pour le remboursement rapide
échange effectué sans souci, merci
c'est la troisième fois que je commande et toujours aussi satisfaite
vous êtes les meilleurs
un grand merci pour votre réactivité
j'ai enfin trouvé LA crème qui me convient
les chaussures sont super confortables
le parfum sent tellement bon
trop beau ce sac ❤️
je valide à fond
coup de cœur pour la nouvelle collection
merci pour le petit mot dans le colis, trop mignon
très satisfaite du service après-vente
la taille est parfaite
top top top
superbe qualité
merci pour les conseils, la taille 38 est parfaite
Problème résolu, merci beaucoup
vous avez assuré
belle découverte
le service est impeccable
je suis fan
encore merci
j'ai reçu mon colis en avance, génial
je reviendrai sans hésiter
les couleurs sont encore plus belles en vrai
content d'avoir commandé chez vous
votre équipe est adorable
quel plaisir de commander ici
5 étoiles méritées
merci d'avoir pris le temps de me répondre
mille mercis
Merci beaucoup, bonne journée
c'est exactement ce que je cherchais
le remboursement est bien arrivé, merci
`;

const EN_NEGATIVE = `
I don't understand why my order was cancelled
I don't get why I'm paying for returns
the strap snapped after a day lol
why hasn't my parcel arrived yet?
is it normal that nobody has answered for a week?
when are you going to refund me?
not satisfied at all
honestly I don't recommend
delivery was due Monday, it's Friday now
got the wrong size and the wrong colour
the product doesn't work, I want an exchange
faulty from the first use
third time I'm chasing customer service
you keep promising a callback that never comes
money taken from my account and still no confirmation
great packaging, shame the product is broken
thanks for keeping me on hold for 45 minutes
very unhappy with your service
you're impossible to reach
worst customer service I've ever dealt with
Still haven't received my order after 3 weeks
I've been waiting 10 days for my parcel
This is the third time I'm asking, where is my order?
3rd time I ask, no answer
I already contacted you twice about this
I want a full refund
refund me now
Just give me my money back
the package arrived damaged and half empty
the mug came broken
item doesn't match the pictures at all
the color is completely different from the website
way too small and return shipping isn't free, seriously?
great, another delay
oh wonderful, my order got cancelled again
thanks for nothing
awesome, still no tracking update 🙄
love being ignored for two weeks
you charged me twice
I was charged but the order was cancelled??
the discount code doesn't work and nobody cares
checkout keeps crashing, giving up
impossible to reach customer service
nobody picks up the phone
tracking says delivered but I got nothing
lost parcel and no solution offered
never ordering from you again
never again
avoid this shop
total scam, don't buy
poor quality for the price
it ripped after one wash
this cream gave me a rash
very disappointed with my order 😞
I'm so angry right now
unacceptable way to treat customers
no reply to my emails
still waiting on my refund
you promised me a voucher, still nothing
I regret buying this
not worth the money
parcel stuck for a week
tracking hasn't moved in 8 days
why is nobody answering???
shipped to the wrong address and you won't help
this is theft
I'm fed up with waiting
sick of your delays
shameful
seriously?? cancelled again?
your app stopped working after the update
wouldn't recommend at all
nothing like the description
a month for a refund is ridiculous
you just lost a customer
paid for express shipping and got it in 12 days
return refused with no explanation
the live chat is useless
STILL NOT REFUNDED
I'm going to file a complaint
leaving a bad review everywhere
the stitching is already coming apart
fake tracking number
are you kidding me?
what a letdown
everything went wrong with this order
you never meet your delivery dates
another mistake in my order
meh, expected better
quality is not great
too expensive for what it is
`;

const EN_NEUTRAL = `
is the WELCOME code still valid?
hi, I have a question about my order
can you confirm the delivery date?
I'd like to know the status of my refund
is the parcel going out today?
which address do I send the item back to?
is there a tracking number?
my order is 20931, can you check?
I'll email you the photos
can I pick it up in store?
do you deliver on Saturdays?
Hi, do you deliver to Switzerland?
How long does shipping to Belgium take?
do you have it in size 10 in black?
is it available in store?
how much is delivery?
Order 55821
order number: US-2291-XK
@theshop
https://theshop.com/p/linen-dress
Hi, I'd like to change my delivery address
Can I change the color of my order?
How do I return an item?
Does this run large?
do you take PayPal?
when is the summer collection coming?
quick question about the soap ingredients
what size is the model wearing?
is it dishwasher safe?
I'll send you my invoice by DM
Here is my order number: 10482
I'm in Leeds, do you have a shop?
does the promo apply to sale items?
Hello
hi there
ok
alright, I'll check
I'll keep you posted
noted
I placed an order last night
my order shipped this morning
the parcel is at the pickup point
I bought it for my sister
do you sell gift cards?
any stock left in medium?
link to the size guide please
Is the parcel insured?
Which carriers do you use?
just wondering where my order is
does this come in other colors?
Can you send me an invoice?
what's the current promo code?
are you open on Sundays?
I'll try again tomorrow
I emailed about this
As discussed, here's the photo you asked for
delivery is scheduled for Thursday
is it vegan?
#sale
RT @theshop new collection online now
`;

const EN_POSITIVE = `
parcel received, thanks for the updates
you were super responsive, thanks
after-sales service was perfect, thanks for the exchange
I was worried but it all arrived on time, thank you
thanks for fixing my issue so fast
honestly nothing to complain about, spot on
really happy with my purchase 👍
finally here and I love it 😍
thanks for the gesture, really appreciated
always a pleasure to order from you
Thank you so much for the quick reply!
thanks!
thx 🙏
thanks to the team for the goodwill gesture
parcel arrived this morning, everything is perfect
got it in 2 days, beautifully packed, thanks
I love my new jacket 😍
the quality is amazing
customer service was brilliant, sorted in 5 minutes
thanks Sarah for your patience
so happy with my purchase
great product, highly recommend
my daughter loves her present
fast and careful delivery
nothing to complain about, perfect
finally arrived and it's gorgeous
thanks for the fast refund
exchange done, no hassle, thank you
third order and still just as happy
you guys are the best
thanks a lot for being so responsive
finally found a cream that works for me
these shoes are so comfortable
the perfume smells amazing
love this bag ❤️
obsessed with the new collection
thanks for the little note in the parcel, so sweet
very satisfied with the after-sales service
fits perfectly
superb quality
issue solved, thank you very much
you nailed it
the service is flawless
big fan
thanks again
my parcel came early, awesome
will definitely order again
colours are even nicer in real life
your team is lovely
5 stars well deserved
thanks for taking the time to answer
exactly what I was looking for
refund received, thanks
`;


/**
 * What else people post where a brand reads them: daily life, news, opinions on anything.
 * Without these the model would learn that any message mentioning a problem is a
 * complaint, and that a plain statement leans negative.
 */
const FR_CHATTER_NEGATIVE = `
ce restaurant est une arnaque, plats froids et service lent
j'ai attendu deux heures chez le médecin
la nouvelle mise à jour a tout cassé
je déteste les lundis
ce gouvernement nous méprise
les transports en commun sont une galère quotidienne
ça me rend malade de voir ça
ils ont supprimé ma série préférée, scandaleux
rien ne change, toujours les mêmes erreurs
quel temps pourri
je suis déçu par ce nouvel album
ces centrales polluent nos rivières
la situation des hôpitaux est dramatique
j'ai mal à la tête depuis ce matin
personne ne respecte rien
le prix de l'essence est délirant
cette décision est injuste
ça craint vraiment
encore des licenciements, c'est triste
on nous ment depuis le début
ce gouvernement ne fait rien pour le climat
encore une promesse non tenue
les élus se moquent de nous
la pollution dans cette ville est insupportable
on détruit la planète et personne ne bouge
cette loi est une catastrophe pour les agriculteurs
scandale, encore une hausse des taxes
les débats à la télé sont affligeants
quelle mauvaise foi ce candidat
marre de la politique spectacle
l'équipe a encore perdu, lamentable
l'arbitrage était honteux
j'ai perdu mes clés, la journée commence mal
mon vol est annulé, je suis bloquée
le wifi ne marche jamais ici
trop de bruit, impossible de dormir
les loyers sont devenus délirants
triste de voir la forêt brûler
ce discours est plein de mensonges
c'est inquiétant pour l'avenir
journée pourrie, rien ne va
j'ai raté mon train ce matin, la loose
encore malade, je déteste l'hiver
triste nouvelle ce matin
quel gâchis ce match
je suis crevée et de mauvaise humeur
c'est vraiment n'importe quoi cette réforme
cette série est d'un ennui mortel
mon téléphone est encore mort
je n'en peux plus de ces bouchons
ce film était une vraie perte de temps
les prix augmentent encore, c'est dur
la pluie a gâché le week-end
ils nous prennent pour des idiots
j'ai horreur d'attendre
grosse déception ce concert
ça m'énerve
je suis dégoûté de ce résultat
fin de saison catastrophique
quelle honte ce débat
`;

const FR_CHATTER_NEUTRAL = `
je vais faire les courses
on se retrouve à midi
j'écoute la radio dans la voiture
le musée est fermé le mardi
je prends le métro ligne 4
ce soir c'est pizza
je commence un nouveau livre
la réunion est déplacée à 15h
le colloque sur l'énergie a lieu à Nantes
les inscriptions ouvrent lundi
il fait 18 degrés à Bordeaux
mon frère arrive demain
je change de travail en septembre
le magasin ouvre à 9h
les élections municipales ont lieu en mars
le texte sera voté mardi à l'Assemblée
nouvelle étude sur la qualité de l'air publiée aujourd'hui
le journal télévisé commence à 20h
la route est fermée pour travaux
je révise pour mon examen
le candidat présente son programme jeudi
débat ce soir sur l'écologie à 20h
le sommet européen se tient à Bruxelles
le projet de loi sera examiné au Sénat
sondage publié ce matin sur les élections
la ministre visite une usine à Lille
réunion publique sur le plan vélo de la ville
le rapport sur le climat sort la semaine prochaine
interview du maire demain sur France Bleu
le parti tiendra son congrès en juin
nouvelle consultation sur le nucléaire
la commission rend son avis mardi
le président est en déplacement en Afrique
on en parle demain à la radio
je suis le débat en direct
les chiffres du chômage seront connus vendredi
le tram sera prolongé jusqu'à la gare
le festival ouvre ses portes samedi
la finale aura lieu à Lyon
voici le programme de la semaine
réunion à 10h demain
je pars à Marseille ce week-end
le match commence à 21h
il pleut à Paris
la grève des transports continue jeudi
le conseil municipal se réunit ce soir
nouvel épisode disponible ce soir
je regarde le débat
on mange quoi ce soir ?
le ministre s'exprimera demain matin
je suis au bureau jusqu'à 18h
rendez-vous devant la gare
les résultats seront publiés lundi
la conférence sur le climat ouvre ses portes
j'ai changé de téléphone
la rentrée c'est dans une semaine
je lis le dernier numéro du magazine
vote du budget à l'assemblée aujourd'hui
premier jour des soldes demain
la météo annonce de la neige
`;

const FR_CHATTER_POSITIVE = `
ce restaurant est une pépite, tout était délicieux
meilleure soirée depuis longtemps
j'ai eu une promotion !
les enfants ont adoré le zoo
merci pour vos messages, ça me touche
quel beau geste de solidarité
on a enfin trouvé un appartement
trop fière de mes élèves
superbe balade en montagne
ce nouveau maire fait du bon travail
excellente décision pour l'environnement
quelle voix magnifique
ce film m'a beaucoup ému, un chef-d'œuvre
je me sens tellement bien aujourd'hui
bonne année à tous, plein de bonheur
ça fait plaisir de voir ça
vive le vélo en ville
les résultats sont encourageants
c'est une très bonne idée
un spectacle drôle et touchant
excellente nouvelle pour la biodiversité
enfin une vraie mesure pour le climat
bravo aux bénévoles qui ont nettoyé la plage
super discours ce soir, plein d'espoir
très belle initiative de la mairie
les pistes cyclables sont une réussite
fier de notre équipe, quel match
merci aux soignants pour leur travail
une victoire méritée
quelle belle énergie dans ce meeting
j'adore ce nouveau quartier
ce documentaire est passionnant
un grand pas en avant pour l'égalité
génial de voir autant de jeunes mobilisés
le concert était extraordinaire
belle progression des énergies renouvelables
journée parfaite au bord du lac
un plaisir de vous retrouver
on a gagné !
très content de cette décision
trop bien ce week-end entre amis
quel bonheur ce soleil
j'ai adoré le concert hier soir
magnifique victoire ce soir
bonne nouvelle ce matin, j'ai eu mon examen
vive les vacances
meilleur film de l'année
trop hâte de vous revoir
je suis tellement fière de ma sœur
belle soirée, merci à tous
cette chanson me met de bonne humeur
quelle belle journée
joyeux anniversaire ma chérie
bravo à toute l'équipe
super initiative pour la planète
ce livre est une pépite
on a passé un moment génial
enfin le printemps
content de ce résultat
une série vraiment captivante
`;

const EN_CHATTER_NEGATIVE = `
this restaurant is a rip-off, cold food and slow service
waited two hours at the doctor's
the new update broke everything
I hate Mondays
this government looks down on us
public transport is a daily nightmare
it makes me sick to see this
they cancelled my favourite show, outrageous
nothing changes, same mistakes every time
horrible weather
disappointed by the new album
these plants are poisoning our rivers
hospitals are in a dire state
headache since this morning
nobody respects anything anymore
fuel prices are crazy
this decision is so unfair
this really sucks
more layoffs, so sad
they've been lying to us from the start
this government does nothing for the climate
another broken promise
politicians don't care about us
the air pollution here is unbearable
we're wrecking the planet and nobody cares
this bill is a disaster for farmers
outrageous, taxes going up again
these TV debates are painful to watch
that candidate is so dishonest
tired of politics as a show
we lost again, pathetic
the referee was a joke
lost my keys, bad start to the day
my flight got cancelled, stuck at the airport
the wifi never works here
too much noise, can't sleep
rents are insane now
heartbreaking to see the forest burn
that speech was full of lies
worrying times ahead
awful day, nothing is going right
missed my train this morning, ugh
sick again, I hate winter
sad news this morning
what a waste of a game
so tired and grumpy
this new policy is a mess
that show is painfully boring
my phone died again
I can't stand this traffic anymore
that movie was a total waste of time
prices keep going up, it's tough
the rain ruined the weekend
they think we're stupid
worst concert ever
this annoys me so much
gutted about the result
terrible end to the season
what a disgrace that debate was
feeling miserable today
`;

const EN_CHATTER_NEUTRAL = `
going grocery shopping
let's meet at noon
listening to the radio in the car
the museum is closed on Tuesdays
taking the subway to work
pizza tonight
starting a new book
the meeting moved to 3pm
the energy conference takes place in Denver
registration opens Monday
it's 65 degrees in Austin
my brother arrives tomorrow
changing jobs in September
the store opens at 9
local elections are in March
the vote is on Tuesday
new study on air quality published today
the evening news starts at 6
the road is closed for works
studying for my exam
the candidate presents his plan on Thursday
climate debate tonight at 8
the EU summit is held in Brussels
the bill goes to the Senate next
new poll out this morning
the minister visits a factory in Leeds
public meeting about the city bike plan
the climate report comes out next week
the mayor is interviewed tomorrow on the radio
the party holds its conference in June
new consultation on nuclear power
the committee gives its opinion on Tuesday
the president is travelling abroad
we'll talk about it tomorrow on the show
following the debate live
jobs figures out on Friday
the tram line will reach the station
the festival opens on Saturday
the final is in Manchester
here is this week's schedule
meeting at 10 tomorrow
heading to Boston this weekend
the game starts at 9pm
it's raining in London
the train strike continues on Thursday
city council meets tonight
new episode out tonight
watching the debate
what's for dinner?
the minister will speak tomorrow morning
at the office until 6
meet you at the station
results will be published on Monday
the climate conference opens today
I got a new phone
school starts next week
reading the latest issue of the magazine
budget vote in parliament today
sales start tomorrow
forecast says snow
`;

const EN_CHATTER_POSITIVE = `
this restaurant is a gem, everything was delicious
best night in ages
I got promoted!
the kids loved the zoo
thanks for all your messages, it means a lot
what a beautiful act of solidarity
we finally found an apartment
so proud of my students
gorgeous hike in the mountains
the new mayor is doing a good job
excellent decision for the environment
what a beautiful voice
that film moved me so much, a masterpiece
feeling so good today
happy new year everyone, lots of joy
so nice to see this
cycling in the city is the best
the results are encouraging
that's a really good idea
a funny and touching show
great news for wildlife
finally a real climate measure
well done to the volunteers who cleaned the beach
brilliant speech tonight, so hopeful
lovely initiative from the council
the new bike lanes are a success
proud of our team, what a game
thank you to the nurses for their work
a well deserved win
such great energy at the rally
I love this new neighbourhood
this documentary is fascinating
a big step forward for equality
amazing to see so many young people involved
the concert was incredible
renewables are growing nicely
perfect day by the lake
a pleasure to see you again
we won!
really happy with this decision
great weekend with friends
loving this sunshine
had the best time at the concert last night
amazing win tonight
good news this morning, I passed my exam
holidays at last
best movie of the year
can't wait to see you all again
so proud of my sister
lovely evening, thanks everyone
this song puts me in a good mood
what a beautiful day
happy birthday my love
well done to the whole team
great initiative for the planet
this book is a gem
we had an awesome time
spring is finally here
happy with the result
a really gripping series
`;

// General tweets, written for Relais like the rest: what people post about shows, sport,
// politics, ecology, the weather and their day, at tweet length, with @mentions, hashtags
// and names. News and announcements are neutral even when the news is bad; anticipation
// ("can't wait to see X tomorrow") is positive; sarcasm is negative.
const FR_TWEETS_NEGATIVE = `
Encore une promesse non tenue, ce gouvernement nous prend pour des idiots
Pollution record à Paris et toujours aucune mesure sérieuse
Honteux, le glyphosate autorisé pour 5 ans de plus
Ce débat était nul, aucune idée, que des attaques
Marre des politiques qui mentent en permanence
Le nucléaire c'est une catastrophe annoncée, arrêtez
Quelle honte ce discours, on touche le fond
Encore une hausse des impôts, on n'en peut plus
Les lobbies gagnent toujours, la planète perd
Triste de voir la forêt brûler chaque été
Scandale : le ministre mis en examen et toujours en poste
Je suis écœuré par ces résultats
Son programme est irréaliste et dangereux
Les agriculteurs crèvent et personne ne fait rien
C'est une blague cette réforme ? Lamentable
Grève des trains demain, encore galère pour aller bosser
Pas un mot sur le climat pendant tout le débat, pathétique
Le chômage augmente encore, quel échec
Trop déçu par la défaite, on méritait mieux
Ras le bol de ces bouchons tous les matins
Il fait un froid de canard et le chauffage est en panne
Les abeilles disparaissent et on continue les pesticides, n'importe quoi
Quel mépris pour les électeurs
Cette loi est une régression sociale inacceptable
On détruit la planète pour quelques euros de plus
Encore un attentat, j'ai le cœur brisé
Aucune confiance en ce candidat, il change d'avis tous les jours
Le débat a tourné au pugilat, affligeant
Franchement ce film est une purge, je me suis ennuyé
Il ment comme il respire
Bravo le gouvernement, encore des fermetures d'usines
Génial, encore un pic de pollution, merci les politiques
Les élus se votent des augmentations, indécent
Le projet d'aéroport va détruire des centaines d'hectares
J'ai peur pour l'avenir de mes enfants
Journée pourrie, tout est allé de travers
Ce parti n'a plus aucune crédibilité
Le prix de l'électricité explose, c'est insupportable
Ils n'ont rien compris à la colère des gens
Quelle catastrophe ces inondations, pensées aux sinistrés
#Glyphosate : encore une fois les lobbies ont gagné, honteux
@user vous n'avez tenu aucune de vos promesses
Ce gouvernement détruit le service public petit à petit
Nul ce débat, ils se coupent la parole sans arrêt
Encore une centrale qui fuit et on nous dit que tout va bien
Les pauvres paient toujours pour les riches, marre
Quelle hypocrisie de parler d'écologie en prenant le jet privé
Le candidat a encore menti en direct, incroyable
Pathétique cette campagne, aucun projet, que des affaires
On nous prend vraiment pour des imbéciles
Les déchets plastiques partout sur la plage, ça me rend malade
Je ne voterai plus jamais pour eux
Ce projet de loi est une honte pour la démocratie
La forêt amazonienne brûle et tout le monde s'en fiche
Déçu par son discours, vide et sans ambition
C'est un désastre écologique, personne n'assume
Ils ont supprimé la ligne de bus, bravo les élus
Le diesel pollue et on continue de le subventionner, absurde
Quelle arrogance ce ministre
Affaire après affaire, ce parti est pourri
On va droit dans le mur avec ces politiques
Triste journée pour la planète
Mais quelle bande d'incapables
La canicule tue et on ne fait toujours rien
Les promesses de campagne déjà oubliées, classique
Son bilan est catastrophique
J'ai honte de mon pays ce soir
Ce débat m'a donné envie de ne pas voter
Ils bétonnent les terres agricoles, c'est scandaleux
Encore un élu condamné qui reste en place, dégoûtant
`;

const FR_TWEETS_NEUTRAL = `
Le débat entre les candidats aura lieu jeudi à 21h sur TF1
Conférence de presse du ministre de l'Écologie demain matin
Le projet de loi sur la transition énergétique arrive au Sénat
Qui regarde l'émission politique ce soir ?
Marine Le Pen sera à Lyon samedi pour un meeting
Le premier tour de la primaire a lieu le 20 novembre
Réunion publique sur le PLU mardi à la salle des fêtes
Nouveau sondage Ifop publié ce matin
Hollande s'exprimera à 20h depuis l'Élysée
La COP22 se tiendra à Marrakech en novembre
Le conseil municipal vote le budget lundi
Macron présente son programme le 2 mars
Les résultats du vote seront connus vers 20h
Quelqu'un sait à quelle heure commence la manifestation ?
Fillon en déplacement à Nice cet après-midi
Article intéressant sur le nucléaire, à lire ici : lien
Le rapport du GIEC sera publié lundi
Je suis dans le train pour Bordeaux
Interview de Benoît Hamon ce matin sur France Inter
Les parrainages doivent être déposés avant le 17 mars
Mélenchon tiendra un meeting en hologramme à Paris et à Lyon
La ministre répondra aux questions des députés mardi
Le taux de participation à 17h est de 69%
Suivez le direct du débat sur notre site
Vote du budget de la région prévu jeudi
Le salon de l'agriculture ouvre ses portes samedi
Le prix du diesel sera aligné sur l'essence d'ici 2020
Je vais au bureau de vote cet après-midi
Le candidat écologiste sera reçu à Matignon demain
La réforme du code du travail sera examinée en juin
Ce soir, le président répond aux questions des journalistes
Les chiffres du chômage publiés jeudi
Réunion du groupe demain à 14h
Sondage : 28% pour Macron, 25% pour Le Pen au premier tour
Qui sera le prochain Premier ministre ?
L'Assemblée examine le texte sur la biodiversité cette semaine
Le sommet européen s'ouvre demain à Bruxelles
Premier meeting de campagne dimanche à Marseille
Le ministre de l'Intérieur était l'invité du 20h
Météo : pluie sur la Bretagne demain, soleil dans le sud
#Présidentielle2017 : les 11 candidats débattront le 4 avril
@user vous serez à la réunion de jeudi ?
Le ministre de l'Environnement en visite à Grenoble demain
Le texte sera examiné en commission mercredi #AN
Fessenheim : la date de fermeture sera fixée par décret
RT @user : le programme complet est en ligne
Les bureaux de vote fermeront à 19h dans les grandes villes
Qui sera l'invité de l'émission dimanche ?
La taxe carbone passera à 30 euros la tonne en 2017
Hamon et Valls s'affronteront au second tour de la primaire
Conférence sur le réchauffement climatique à la fac jeudi à 18h
Le dernier rapport de l'ADEME est disponible en ligne
Le président de région présente son budget ce matin
Notre-Dame-des-Landes : le référendum local aura lieu le 26 juin
Vous regardez le débat ou le match ce soir ?
Les députés examinent la loi Travail à partir de mardi
Le candidat sera en direct sur BFM à 19h
Selon un sondage, 60% des Français sont favorables à la mesure
Le parti publiera sa liste de candidats la semaine prochaine
Je prends le métro jusqu'à la manif, on se retrouve où ?
Le gouvernement annonce un plan pour l'eau potable
Juppé et Sarkozy tiennent meeting le même soir
La loi sur la transition énergétique fixe un objectif de 50% de nucléaire en 2025
Le conseil des ministres se réunit exceptionnellement samedi
Les résultats officiels seront publiés demain matin
Vidéo du discours complet ici
La réunion est reportée à lundi
Combien de signatures faut-il pour se présenter ?
Le ministre répondra aux questions des internautes à 18h
La primaire de la droite compte sept candidats
`;

const FR_TWEETS_POSITIVE = `
Bravo à Nicolas Hulot pour ce discours, enfin des mesures concrètes pour le climat
Très belle initiative de la mairie, des pistes cyclables partout 👏
Excellent débat ce soir, des propositions claires et réalistes
Heureux de voir autant de jeunes mobilisés pour la planète
La COP21 se termine sur un accord historique, une vraie victoire
Merci @user pour ce reportage passionnant sur les énergies renouvelables
Enfin une bonne nouvelle : le projet de barrage est abandonné
J'adore ce candidat, il parle vrai et il a des idées
Super soirée hier avec les militants, on lâche rien 💪
Quel plaisir de voir la ville sans voitures dimanche
Magnifique victoire des Bleus ce soir !!!
Vivement le concert de samedi, trop hâte
Très fier de mon équipe, un travail remarquable
Belle journée au marché bio, tout est délicieux
Son programme sur l'éducation est vraiment convaincant
Une belle avancée pour l'égalité femmes hommes, enfin
Le dernier film de Dupontel est une pépite, allez-y
Respect total pour les pompiers qui ont combattu l'incendie
Les panneaux solaires sont posés, on produit notre propre électricité 😊
Bonne nouvelle, la centrale à charbon va fermer
Trop contente, j'ai eu mon bac avec mention !!
Une intervention brillante à l'Assemblée, chapeau
Ce week-end à la montagne était parfait
On a gagné le match 3 à 0, quelle ambiance au stade
Merci à tous pour vos messages, ça me touche beaucoup
Le nouveau parc est magnifique, les enfants adorent
Je soutiens à 100% cette proposition de loi
Les jeunes agriculteurs bio font un boulot génial
Content de voir la France montrer l'exemple sur le climat
Génial, le tram arrive enfin dans notre quartier
Discours plein d'espoir ce soir, ça fait du bien
Belle remontée dans les sondages, la campagne décolle
Le vélo électrique a changé ma vie, je recommande
Journée formidable à la manif pour le climat, on était des milliers
Une grande dame de la politique, hommage mérité
J'ai adoré la série, vivement la saison 2
Ça fait plaisir de voir des élus qui tiennent leurs promesses
Bonne année à tous, plein de bonheur 🎉
Enfin du soleil, bon week-end à tous
Quelle belle leçon de courage de ces lycéens
#COP21 un accord signé par 195 pays, c'est historique 👏
@user merci pour votre soutien, ça donne de la force pour la suite
Excellente interview de @user ce matin, clair et précis
Très bonne nouvelle pour les énergies renouvelables en France #transition
Ravie de voir que la ville passe au zéro pesticide 🌱
Quel beau meeting ce soir, salle pleine et ambiance de folie
Bravo aux militants pour cette mobilisation exemplaire
Le plan vélo est enfin voté, belle victoire pour les cyclistes
J'ai voté et je suis fière de l'avoir fait #citoyen
Superbe documentaire sur les océans hier soir, à voir absolument
Ce candidat a du talent, il ira loin
La remontée de la gauche dans les sondages fait plaisir
Merci aux bénévoles qui ont nettoyé la plage ce matin ❤️
Enfin une loi ambitieuse contre le gaspillage alimentaire
Belle leçon de démocratie ce soir
Soutien total aux agriculteurs qui passent au bio
Heureusement qu'il reste des journalistes comme elle
Un débat de haute tenue, ça change
La biodiversité revient dans le parc, quel bonheur de revoir des hérissons
Cette mesure va vraiment aider les familles, bien joué
On avance ! Le projet éolien est validé 💚
Joli score pour les écologistes aux régionales
Je suis fan de sa façon de parler aux gens, simple et honnête
L'électricité verte moins chère, enfin une bonne idée
Des milliers de personnes dans la rue pour le climat, ça redonne espoir
Très touchée par ce discours sur l'accueil des réfugiés
Une ministre compétente, ça fait du bien
Le covoiturage c'est génial, économique et sympa
Bon courage à tous les candidats, que le meilleur gagne !
Ce livre sur l'écologie est passionnant, je le conseille
`;

const EN_TWEETS_NEGATIVE = `
Can't believe they cancelled the show, worst decision ever
@user you ruined the whole movie for me, thanks a lot
Stuck in traffic for 2 hours, I hate this city
Another mass shooting. When will this end?
The referee was a joke tonight, we got robbed
My phone died in the middle of the call, typical
Monday again... I'm so tired
So sick of the politicians lying to our faces
The new update broke everything, thanks Apple
Missed my train by 30 seconds, great start to the day
That ending was terrible, what a waste of 3 hours
Trump's comments about immigrants are disgusting
I have a huge exam tomorrow and I haven't studied at all
Rain again on my only day off 😒
Lost 3-0 at home, embarrassing performance
Can't sleep, too much on my mind
The concert got cancelled an hour before the doors opened
Why does my boss always call me on a Sunday
Worst flight ever, 5 hours delay and no food
So disappointed in the season finale
Refugees dying at sea while leaders argue, shameful
My car broke down again, just what I needed
ugh I have to work all weekend
Nobody showed up to my party lol great
They raised the prices again, ridiculous
RIP to a legend, this one hurts
The Wi-Fi here is useless
Feeling sick and I still have to go to work tomorrow
This government has failed the poor, again
Can't believe we lost to them, awful defending
The queue at the DMV is insane, been here 3 hours
My favourite character died, I'm not okay
I'm done with this team, same mistakes every week
The power is out and it's 95 degrees
That interview was a disaster from start to finish
I don't want summer to end 😭
Still no news from the hospital, so worried
Not going to the concert tomorrow because of work, gutted
The new episode was boring, nothing happened
Isis attacks again, so many innocent people dead
Yeah sure, another meeting that could have been an email
Great, my flight is delayed again
They kicked him off the show, so unfair
My laptop crashed and I lost the whole essay
Why is everyone so rude on this app
First day of school tomorrow, kill me
Gas prices are through the roof
That penalty call was a disgrace
Got food poisoning from the taco place, never again
I miss my grandpa so much
Oh great, another Monday with no coffee
Love waiting 40 minutes for a bus that never comes
Thanks for nothing @user, still no refund
Wow, a whole week and still no reply. Amazing service
Perfect, the package arrived broken
Nice job breaking the app again
Can't believe how bad the new season is
Another delay? Seriously??
I've been on hold for an hour, this is ridiculous
This is the third time I've asked, nobody helps
Such a letdown, expected so much more
Senators voted against it again, pathetic
The storm destroyed half the town, heartbreaking
I regret buying this phone
My order was cancelled without any explanation
The game was boring and we lost anyway
Everyone is fighting on here today, exhausting
I'm so angry right now I can't even type
They still haven't fixed the road, it's been months
Sad to hear the news about the factory closing
`;

const EN_TWEETS_NEUTRAL = `
Gonna watch the game tonight at Mike's
The Apple event starts tomorrow at 10am PT
Prime Minister to meet EU leaders in Brussels on Thursday
Kanye West announces new tour dates for October
The Senate votes on the bill next week
Traffic update: I-95 northbound slow near exit 12
Anyone know what time the parade starts on Saturday?
Heading to Chicago for the weekend
The new iPhone will be released on September 25
Watching the Lakers game, 54-50 at halftime
@user what channel is the match on tomorrow?
Obama speaks at the UN General Assembly on Monday
Jurassic World opens in theaters this Friday
Rain expected in London tomorrow afternoon
Just landed in Dallas, waiting for my bag
Serena Williams plays her second round match on Wednesday
Poll: 42% of voters undecided ahead of the primary
Microsoft to release Windows 10 on July 29
Reading the new Harry Potter book tonight
Does anyone have notes from Tuesday's class?
The president will visit Kenya in July
Game 3 is on Sunday at 8pm ET
I'm at Starbucks on 5th Avenue
New episode of the podcast is up, link in bio
The festival lineup will be announced on Monday
Trump to hold a rally in Iowa on Saturday
Netflix adds 20 new titles in August
Working from home tomorrow
Ed Sheeran is playing Wembley on the 10th and 11th
Who's going to the game on Friday?
The fourth season premieres on HBO in April
Breaking: Fed leaves interest rates unchanged
Pope Francis arrives in Philadelphia on Saturday
Chelsea face Arsenal at Stamford Bridge on Sunday
Zayn Malik was spotted in LA yesterday
School starts on the 8th of September here
Samsung unveils the Galaxy Note 5 in New York
I'll be on the radio tomorrow morning at 7
The debate is on CNN tonight at 9
Google renames itself Alphabet, shares up 5% after hours
What time does the store close on Sundays?
Hillary Clinton campaigns in New Hampshire today
Tomorrow is the last day to register to vote
Moving to Seattle in two weeks
Federer and Djokovic meet in the final on Sunday
Star Wars tickets go on sale Monday at midnight
Cleaning the garage this afternoon
The conference keynote is at 9am in hall B
My flight to Boston leaves at 6:15 tomorrow
Amazon Prime Day is July 15
Can someone tell me when the polls close?
The match kicks off at 3pm on Saturday
@user is the store open on Labor Day?
Apple announces event for September 9
The governor signs the budget on Friday
Headed to the airport, back on Monday
Live updates from the convention here
The band releases its fourth album in May
Is the new season out on Netflix yet?
Jeb Bush will speak in Miami on Tuesday
RT @user: polls open at 7am tomorrow
UFC 190 takes place in Rio on August 1
Sony to unveil new console at E3 next week
The trial resumes on Monday morning
What's the score in the Yankees game?
Hurricane expected to reach the coast on Thursday
The film comes out in the UK on the 26th
Meeting the team in Denver tomorrow
The mayor holds a town hall on Wednesday night
Any recommendations for a laptop under $800?
`;

const EN_TWEETS_POSITIVE = `
Can't wait to see the new Bond movie on Friday!!! #excited
@user you were amazing last night, best gig of the summer
So proud of my little sister, she graduated today 🎓
Finally Friday! Beach tomorrow with the whole crew
That last episode was incredible, I need season 3 now
Going to see Taylor Swift on Saturday, I still can't believe it
Just got tickets for the final!!! Let's go boys
Happy 4th of July everyone, enjoy the fireworks tonight
@user congrats on the new job, you deserve it
What a goal by Messi tonight, pure magic
Sunday brunch with my favourite people ❤️
The new album drops tomorrow and I'm so ready
Loving this weather, perfect day for a run
Thank you all for the birthday wishes, you made my day
Great win for the Cubs tonight, playoffs here we come
Honestly the best pizza I've had in years
Shout out to @user for the ride home, legend
My mom's lasagna is still the best thing on earth
Watching the sunset from the pier, life is good
First day at the new job went really well
Can't stop listening to this song, it's so good
He played the whole set live and it was fantastic
we may go to the lake on Sunday, fingers crossed the sun stays 😎
Good morning! Coffee, music and a free day ahead
Huge respect for the volunteers at the shelter today
Tonight's debate: she was sharp, calm and convincing
The kids loved the zoo, such a fun trip
Just finished my first half marathon!! Tired but happy
Big thanks to the nurses who looked after my dad
New phone, new case, feeling fancy lol
That acoustic version is beautiful, goosebumps
Reunion with my college friends this weekend, so excited
The trailer looks awesome, November can't come soon enough
Best concert of my life, I'm still shaking
yay snow day tomorrow!!
I love how this city looks at night
Cheers to the team for an amazing season
She nailed the interview, really impressive
Got my exam results, passed everything 🙌
Weekend in Paris with my love, dreams come true
This podcast episode is gold, highly recommend
Our puppy learned to sit today, good boy
Rain all week but tomorrow's forecast is sunny, finally
Hats off to the referee, great call
The new update fixed everything, works like a charm now
lol this meme made my whole day
So happy the show got renewed for another season
Going to the Yankees game tomorrow with my dad, can't wait
Great speech by the mayor, finally someone who listens
Dinner was lovely, thanks for having us
Best day ever, we got engaged!!! 💍
Can't wait for the Foo Fighters tomorrow night
This team never gives up, so proud
Thanks @user, my order arrived early and perfect
Wow that was quick, problem solved in five minutes
Loved every minute of the show tonight
Beautiful morning for a walk by the river
I'm so excited for the new Star Wars
The customer service was super helpful, thank you
Just watched the finale, amazing writing
Tomorrow I'm seeing Adele live, dream come true
Good news at last: the bridge reopens on Monday
Our team won the championship!!!
She's such an inspiring leader
Delicious dinner at the new Thai place, go there
Enjoying a lazy Sunday with the family
That was the funniest movie I've seen in ages
So grateful for my friends right now
Great turnout at the rally today, thank you all
Ready for the weekend, let's have fun
`;

function parse(block: string, sentiment: Sentiment, language: 'fr' | 'en'): CorpusItem[] {
  return block.split('\n').map((line) => line.trim()).filter(Boolean).map((text) => ({ text, sentiment, language }));
}

/** In a fixed order: training visits them in a seeded shuffle of this order. */
export const CARE_CORPUS: readonly CorpusItem[] = [
  ...parse(FR_NEGATIVE, 'negative', 'fr'),
  ...parse(FR_NEUTRAL, 'neutral', 'fr'),
  ...parse(FR_POSITIVE, 'positive', 'fr'),
  ...parse(EN_NEGATIVE, 'negative', 'en'),
  ...parse(EN_NEUTRAL, 'neutral', 'en'),
  ...parse(EN_POSITIVE, 'positive', 'en'),
  ...parse(FR_CHATTER_NEGATIVE, 'negative', 'fr'),
  ...parse(FR_CHATTER_NEUTRAL, 'neutral', 'fr'),
  ...parse(FR_CHATTER_POSITIVE, 'positive', 'fr'),
  ...parse(EN_CHATTER_NEGATIVE, 'negative', 'en'),
  ...parse(EN_CHATTER_NEUTRAL, 'neutral', 'en'),
  ...parse(EN_CHATTER_POSITIVE, 'positive', 'en'),
  ...parse(FR_TWEETS_NEGATIVE, 'negative', 'fr'),
  ...parse(FR_TWEETS_NEUTRAL, 'neutral', 'fr'),
  ...parse(FR_TWEETS_POSITIVE, 'positive', 'fr'),
  ...parse(EN_TWEETS_NEGATIVE, 'negative', 'en'),
  ...parse(EN_TWEETS_NEUTRAL, 'neutral', 'en'),
  ...parse(EN_TWEETS_POSITIVE, 'positive', 'en'),
];
