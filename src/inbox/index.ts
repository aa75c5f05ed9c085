/**
 * inbox: contacts and identities, conversations, messages and posts. It turns channel items
 * into threads (`processDeliveries`), records webhook deliveries (`recordDelivery`), and sends
 * what agents write (`sendReply`, `moderateMessage`, through the `outbound.send` job).
 */
export type { InboxDeps, PendingEvent } from './deps.ts';
export { createDeliveryRecorder, PROCESS_ATTEMPTS, type DeliveryRecorder } from './record-delivery.ts';
export { processDeliveries, PROCESS_QUEUE, PROFILE_QUEUE, processJob, profileJob } from './process-delivery.ts';
export { fetchProfile, type ProfileJob } from './fetch-profile.ts';
export { listInbound, replayInbound, type InboundStatus } from './admin-inbound.ts';
export { sendReply, type Actor, type ReplyInput } from './send-reply.ts';
export { deliverOutbound, SEND_QUEUE, sendJob } from './deliver-outbound.ts';
export { moderateMessage, type ModerationAction } from './moderate-message.ts';
export { listConversations, countViews, type ConversationFilter, type InboxView, type ViewCounts } from './list-conversations.ts';
export { updateConversation, wakeSnoozed, type ConversationChange } from './update-conversation.ts';
export { composerPolicy } from './composer-policy.ts';
export { retryOutbound } from './retry-outbound.ts';
export { getContact, addContactNote } from './get-contact.ts';
export { listLabels, saveLabel, deleteLabel, setConversationLabel } from './labels.ts';
export { listCannedReplies, saveCannedReply, deleteCannedReply } from './canned-replies.ts';
export { getConversation } from './get-conversation.ts';
export { mergeContactsByHand } from './merge-contacts.ts';
export { correctClassification, retrainWorkspace, RETRAIN_QUEUE, retrainJob } from './correct-classification.ts';
export { backfillChannel, backfillAllChannels, BACKFILL_QUEUE, BACKFILL_ALL_QUEUE, backfillJob } from './backfill-channel.ts';
export { moveToPrivate } from './move-to-private.ts';
export { messageContact } from './message-contact.ts';
export { moderationRegister, registerCsv, type RegisterFilter } from './moderation-register.ts';
export { loadWebchatChannel, createVisitor, visitorExists, visitorHistory, visitorMessage, outboundMessageId, markWebchatRead, leaveVisitorEmail, visitorThreadKey, type WebchatChannel, type VisitorMessage } from './webchat-visitors.ts';
export { identifyVisitor, webchatConversationInfo, verifiedVisitorContact, contactIdentifiedJob, REFUSED_IDENTITY_NOTE, type IdentifyVerdict } from './webchat-identify.ts';
export { saveVisitorUpload, readVisitorUpload, ownUploads, sniffUploadType, WEBCHAT_UPLOAD_MAX_BYTES } from './webchat-uploads.ts';
export * from './automation/index.ts';
export { autoAssign, assignWaiting, ROUTING_QUEUE, PICKUP_QUEUE, assignJob, pickupJob } from './auto-assign.ts';
export { routingJobs } from './routing-jobs.ts';
export { inboxJobs } from './jobs.ts';
export { careSettingsFor, careSettingsResolver, listCareSettings, saveCareSettings, type CareSettings, type StoredCareSettings } from './care-settings.ts';
export { listTeams, saveTeam, deleteTeam, type Team, type TeamInput } from './teams.ts';
export { listAvailability, setAvailability } from './availability.ts';
export { monitorSla, SLA_MONITOR_QUEUE, type OnSlaEvent, type SlaEventName, type SlaMonitorOptions } from './sla-monitor.ts';
export { recordSlaMetrics, refreshSlaMetrics, conversationSlaMetrics } from './sla-metrics.ts';
export { mayMessageAutomatically } from './automated-message-policy.ts';
