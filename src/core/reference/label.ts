/** A text shown to people, in Danish (the source language) and English. */
export type Label = { da: string; en: string };

export type Locale = keyof Label;
