"use client";
// core
export { FlowIQError, isFlowIQError, isRetryableCode, RETRYABLE_CODES } from "./core/FlowIQError.js";
export type { FlowIQErrorCode } from "./core/FlowIQError.js";
export { createFlowIQClient } from "./core/FlowIQClient.js";
export type { FetchContactOptions, FlowIQClient, FlowIQClientConfig } from "./core/FlowIQClient.js";
export { getContact } from "./core/getContact.js";
export type { GetContactOptions } from "./core/getContact.js";
export { normalizeLookup } from "./core/normalizeLookup.js";
export { parseContactResponse } from "./core/parseContact.js";
export type {
  BotStatus,
  Contact,
  ContactLocation,
  ContactLookup,
  ContactSource,
  FlowIQConfig,
  NormalizedLookup,
} from "./core/types.js";
export type { ContactQueryKey } from "./core/contactQuery.js";
export type { ContactBatchOptions } from "./core/contactBatcher.js";
export type { ContactBatchResponse, ContactBatchResult, ErrorBody } from "./core/contactBatchWire.js";
// react
export { FlowIQProvider } from "./react/FlowIQProvider.js";
export type { FlowIQProviderProps } from "./react/FlowIQProvider.js";
export { useFlowIQClient } from "./react/useFlowIQClient.js";
export { contactKeys } from "./react/contactKeys.js";
export { contactQueryOptions } from "./react/contactQueryOptions.js";
export type { ContactQueryOverrides } from "./react/contactQueryOptions.js";
export { useContact } from "./react/useContact.js";
export { useSuspenseContact } from "./react/useSuspenseContact.js";
export type { SuspenseContactQueryOverrides } from "./react/useSuspenseContact.js";
export { useContacts } from "./react/useContacts.js";
export { invalidateContacts, setContactData } from "./react/contactUpdates.js";
// components
export { ContactCard } from "./components/ContactCard/ContactCard.js";
export type { ContactCardProps } from "./components/ContactCard/ContactCard.js";
export type { ContactLookupProps } from "./components/ContactLookupProps.js";
export { ContactCardView } from "./components/ContactCard/ContactCardView.js";
export type { ContactCardViewProps, ContactCardDisplayProps } from "./components/ContactCard/ContactCardView.js";
export { ContactCardSkeleton } from "./components/ContactCard/ContactCardSkeleton.js";
export type { ContactCardSkeletonProps } from "./components/ContactCard/ContactCardSkeleton.js";
export { defaultContactCardLabels } from "./components/ContactDisplay/labels.js";
export type { ContactCardLabels, ContactErrorLabel, ContactLabelOverrides, ContactPluralLabel } from "./components/ContactDisplay/labels.js";
export { ContactChip } from "./components/ContactChip/ContactChip.js";
export type { ContactChipProps } from "./components/ContactChip/ContactChip.js";
export { ContactChipView } from "./components/ContactChip/ContactChipView.js";
export type { ContactChipViewProps, ContactChipDisplayProps } from "./components/ContactChip/ContactChipView.js";
export { ContactHoverCard } from "./components/ContactHoverCard/ContactHoverCard.js";
export type { ContactHoverCardProps } from "./components/ContactHoverCard/ContactHoverCard.js";
export { ContactHoverCardGroup } from "./components/ContactHoverCard/ContactHoverCardGroup.js";
export type { ContactHoverCardGroupProps } from "./components/ContactHoverCard/ContactHoverCardGroup.js";
export { useHoverCardState } from "./components/ContactHoverCard/useHoverCardState.js";
export type { HoverCardState, HoverCardStateOptions } from "./components/ContactHoverCard/useHoverCardState.js";
export { createHoverCardGroup } from "./components/ContactHoverCard/hoverCardGroup.js";
export type { HoverCardGroup, HoverCardGroupOptions } from "./components/ContactHoverCard/hoverCardGroup.js";
export { ContactAvatar } from "./components/ContactParts/ContactAvatar.js";
export type { ContactAvatarProps } from "./components/ContactParts/ContactAvatar.js";
export { ContactName } from "./components/ContactParts/ContactName.js";
export type { ContactNameProps } from "./components/ContactParts/ContactName.js";
export { ContactBadges } from "./components/ContactParts/ContactBadges.js";
export type { ContactBadgesProps, ContactBadgeTone } from "./components/ContactParts/ContactBadges.js";
export { ContactDetails } from "./components/ContactParts/ContactDetails.js";
export type { ContactDetailsProps, ContactDetailField } from "./components/ContactParts/ContactDetails.js";
export { ContactTags } from "./components/ContactParts/ContactTags.js";
export type { ContactTagsProps } from "./components/ContactParts/ContactTags.js";
export { ContactSummary } from "./components/ContactParts/ContactSummary.js";
export type { ContactSummaryProps } from "./components/ContactParts/ContactSummary.js";
export { ContactDisplayProvider } from "./components/ContactDisplay/ContactDisplayProvider.js";
export type { ContactDisplayProviderProps } from "./components/ContactDisplay/ContactDisplayProvider.js";
export { splitDisplayProps, useContactDisplay } from "./components/ContactDisplay/useContactDisplay.js";
export type { ContactDisplay, ContactDisplayOptions } from "./components/ContactDisplay/useContactDisplay.js";
