import { useEffect, useState } from 'react';

/**
 * Moves focus to the element with the given id once React has rendered it. When a form closes,
 * the button that opened it is back only after the closing state is committed, and on a busy
 * device that can come after the next animation frame, so focusing in requestAnimationFrame could
 * find nothing and leave focus on the page body.
 */
export function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target.id)?.focus();
    setTarget(null);
  }, [target]);
  return (id) => setTarget({ id });
}
