import type { ReactNode } from 'react';

/** One fact in an `app-facts` grid: its label over its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
