import { useEffect, useRef, type ReactNode } from 'react';

/**
 * An inline form region under the thing it acts on; its heading takes focus when it opens, so a
 * keyboard or screen-reader user lands in the form. `level` keeps the page's heading outline.
 */
export function ActionPanel({ id, title, level = 4, children }: { id: string; title: string; level?: 3 | 4; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="app-action-panel" role="region" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="h4">
        {title}
      </Heading>
      {children}
    </div>
  );
}
