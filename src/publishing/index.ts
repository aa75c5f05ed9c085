/**
 * publishing: posts written in Relais with a version per network (Facebook Page, Instagram, X,
 * Pinterest), the media library, validation per network, scheduling that publishes exactly
 * once, deals (a shop code and UTM-tagged links credited back to the post), engagement
 * polling and the posting coach. Platforms are reached through `publishers/`, one per network.
 */
export { validatePost, validateBody, foldText, xText, LIMITS, type NetworkResult, type ValidateInput, type ValidationError } from './validate-post.ts';
export { NETWORKS, channelKindOf, type PublishNetwork } from './networks.ts';
export { PUBLISH_QUEUE, SWEEP_QUEUE, METRICS_QUEUE, publishJob, type PublishingDeps } from './deps.ts';
export { publishers, type Publisher, type Figures, type OutgoingPost, type PublishOutcome } from './publishers/index.ts';
export { uploadMedia, listMedia, readMedia, MEDIA_MAX_BYTES, type MediaView } from './media-library.ts';
export { stripJpegMetadata, stripPngMetadata } from './strip-metadata.ts';
export { createPost, updatePost, getPost, toInstant, type PostView, type VersionView } from './posts.ts';
export { postInput, postPatch, calendarQuery, listQuery, type PostInput, type PostPatch } from './post-schemas.ts';
export { schedulePost, approvePost, sendBackPost, deletePost, rescheduleJobs, validateStoredPost, previousFacebookText, type Actor } from './post-workflow.ts';
export { publishVersion, sweepDue, type PublishJob } from './publish-version.ts';
export { calendarPosts, listPosts, type CalendarPost } from './calendar.ts';
export { tagShopLinks, tagLink, shopHostsOf } from './outgoing.ts';
export { coachWarnings, bestTimes, rhythmAdvice, nextQueueSlot, wallClock, type CoachWarning, type BestTimes } from './coach.ts';
export { pollEngagement, engagementSeries, nextPollAfter, publicationOf } from './engagement.ts';
export { getPublishingSettings, savePublishingSettings, settingsInput, type PublishingSettings } from './settings.ts';
export { publishingJobs } from './jobs.ts';
