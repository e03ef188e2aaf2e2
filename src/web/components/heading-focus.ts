/**
 * After a navigation, focus goes to the new page's h1, so screen-reader and keyboard users
 * start at the top of the new content. The router sets the request before the new page
 * renders; the page's heading takes it when it mounts.
 */
let pending = false;

export function requestHeadingFocus(): void {
  pending = true;
}

export function takeHeadingFocusRequest(): boolean {
  const was = pending;
  pending = false;
  return was;
}

export function focusHeadingIfRequested(): void {
  if (!pending) return;
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    pending = false;
    heading.focus();
  }
}
