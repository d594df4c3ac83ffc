import type { Rag } from '@coplan/core';
import { RAG_KEY_LABELS } from '@coplan/core/formats';

/** RAG fills and the text colour that reads on each (contrast 4.5:1 or more). */
export const RAG_COLOURS: Record<Rag | 'none', { fill: string; text: string; label: string }> = {
  red: { fill: 'B52A16', text: 'FFFFFF', label: RAG_KEY_LABELS.red },
  amber: { fill: 'F47738', text: '0B0C0C', label: RAG_KEY_LABELS.amber },
  green: { fill: '00703C', text: 'FFFFFF', label: RAG_KEY_LABELS.green },
  blue: { fill: '1D70B8', text: 'FFFFFF', label: RAG_KEY_LABELS.blue },
  grey: { fill: '505A5F', text: 'FFFFFF', label: RAG_KEY_LABELS.grey },
  none: { fill: 'F3F2F1', text: '0B0C0C', label: RAG_KEY_LABELS.none },
};
