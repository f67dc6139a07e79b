/** Shared pieces of the "who is who" views: type labels and colours, badges, the legend, merge-rule wording. */
import type { VNode } from 'preact';
import type { EntityType } from './api';
import { ENTITY_TYPES } from './api';

export const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  trial: 'Trial',
};

export const TYPE_PLURAL: Record<EntityType, string> = {
  person: 'People',
  organization: 'Organizations',
  place: 'Places',
  trial: 'Trials',
};

/**
 * One colour per type (not per side: perspectives never get a colour). The CSS classes `t-person`…
 * use the same values; the graph needs them as plain hex strings for WebGL.
 */
export const TYPE_COLOR: Record<EntityType, string> = {
  person: '#3b6fb6',
  organization: '#b06a1b',
  place: '#2f8a57',
  trial: '#8e4a9a',
};
const OTHER_COLOR = '#7b8088';

export function isEntityType(t: unknown): t is EntityType {
  return typeof t === 'string' && (ENTITY_TYPES as readonly string[]).includes(t);
}

export function typeColor(t: string): string {
  return isEntityType(t) ? TYPE_COLOR[t] : OTHER_COLOR;
}

export function typeLabel(t: string): string {
  return isEntityType(t) ? TYPE_LABEL[t] : t;
}

/** CSS class for a type (unknown types get the neutral one). */
export function typeClass(t: string): string {
  return isEntityType(t) ? `t-${t}` : 't-other';
}

export function TypeBadge({ type }: { type: string }): VNode {
  return (
    <span class={`type-badge ${typeClass(type)}`}>
      <span class="type-dot" aria-hidden="true" />
      {typeLabel(type)}
    </span>
  );
}

export function AmbiguousBadge(): VNode {
  return (
    <span class="badge badge-warn" title="These mentions may refer to more than one person, place or body: check the evidence">
      ambiguous
    </span>
  );
}

/** Swatches for the types, with optional counts. */
export function TypeLegend({ counts, label = 'Colours' }: { counts?: Partial<Record<EntityType, number>>; label?: string }): VNode {
  return (
    <span class="legend" aria-label={label}>
      {ENTITY_TYPES.map((t) => (
        <span key={t} class={`legend-item ${typeClass(t)}`}>
          <span class="type-dot" aria-hidden="true" />
          {TYPE_LABEL[t]}
          {counts && typeof counts[t] === 'number' && <span class="muted legend-count">{counts[t]!.toLocaleString('en-US')}</span>}
        </span>
      ))}
    </span>
  );
}

/** What each merge rule means, in words (unknown rules are shown by name). */
export const RULE_TEXT: Record<string, string> = {
  'same-key': 'Spelled the same once case, accents and punctuation are ignored',
  transliteration: 'Transliterations of the same name (e.g. Cyrillic ↔ Latin, -off ↔ -ov, ye ↔ e)',
  'given-name': 'A surname joined with the same surname plus a given name',
  initials: 'Initials that match the full given names',
  typo: 'A spelling one or two letters away from a frequent spelling',
  context: 'A short form whose surrounding text points to this entity',
  curation: 'A person curating this record said so',
};

export function ruleText(rule: string): string {
  return RULE_TEXT[rule] ?? rule;
}
