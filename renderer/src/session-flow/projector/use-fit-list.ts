import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';

/**
 * Type on the wall is measured against the wall's height, so a list reads the same on a 720p and a
 * 1080p beamer: at most `max` of the height per line, and never below `min`, by default 28 px on a
 * 1080p wall (readable from the back of the room).
 */
export interface TypeRange {
  min: number;
  max: number;
}
const LIST_TYPE: TypeRange = { min: 28 / 1080, max: 0.044 };
/** How long each page of a list too long for the wall stays up before the next one. */
export const PAGE_MS = 10_000;

export interface FittedList {
  /** The type size the list is set in, in CSS pixels. */
  fontPx: number;
  /** Index of the first item of each page; one page when everything fits. */
  pageStarts: number[];
  page: number;
}

/**
 * A list on the wall fitted to the room it has: its type shrinks until every item fits, and when
 * even the smallest readable type does not fit, the items go in pages that turn by themselves.
 * Measured on the real list (set imperatively while measuring, so one layout pass per try), again
 * when the items or the wall's size change.
 */
export function useFitList(listRef: RefObject<HTMLElement | null>, itemsKey: string, type: TypeRange = LIST_TYPE): FittedList {
  const { min, max } = type;
  const [fit, setFit] = useState<FittedList>({ fontPx: 0, pageStarts: [0], page: 0 });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the items are read from the DOM; their key says when they changed
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const measure = () => {
      const next = fitList(list, window.innerHeight, { min, max });
      setFit((current) => (current.fontPx === next.fontPx && current.pageStarts.join() === next.pageStarts.join() ? current : { ...next, page: 0 }));
    };
    measure();
    // The list's own box is the room it has (flex-basis 0): it changes with the wall, and when
    // something takes room beside it (the join code's corner arriving).
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [listRef, itemsKey, min, max]);
  const pages = fit.pageStarts.length;
  useEffect(() => {
    if (pages < 2) return;
    const timer = window.setInterval(() => setFit((current) => ({ ...current, page: (current.page + 1) % current.pageStarts.length })), PAGE_MS);
    return () => window.clearInterval(timer);
  }, [pages]);
  return fit;
}

/** The largest type at which the list's items fit its height, or the smallest with the pages it needs. */
function fitList(list: HTMLElement, wallHeight: number, type: TypeRange): Omit<FittedList, 'page'> {
  const max = Math.round(wallHeight * type.max);
  const min = Math.ceil(wallHeight * type.min);
  const items = () => [...list.children] as HTMLElement[];
  // Every item takes part in the measuring, also those of pages not shown now; what React set is
  // put back afterwards, since React only writes what changed.
  const shownBefore = items().map((item) => item.hidden);
  const fontBefore = list.style.fontSize;
  for (const item of items()) item.hidden = false;
  const fits = (px: number) => {
    list.style.fontSize = `${px}px`;
    return list.scrollHeight <= list.clientHeight + 1;
  };
  let fontPx = min;
  if (fits(max)) fontPx = max;
  else {
    let low = min;
    let high = max;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle;
    }
    fontPx = low;
  }
  const pageStarts = [0];
  if (!fits(fontPx)) {
    // Pages: as many items as the list's height holds, counted from each page's first item.
    const room = list.clientHeight;
    let pageTop = items()[0]?.offsetTop ?? 0;
    items().forEach((item, index) => {
      if (index > 0 && item.offsetTop + item.offsetHeight - pageTop > room) {
        pageStarts.push(index);
        pageTop = item.offsetTop;
      }
    });
  }
  list.style.fontSize = fontBefore;
  items().forEach((item, index) => {
    item.hidden = shownBefore[index] ?? false;
  });
  return { fontPx, pageStarts };
}

/** Whether the item at `index` is on the page shown now. */
export function onPage(fit: FittedList, index: number): boolean {
  const start = fit.pageStarts[fit.page] ?? 0;
  const end = fit.pageStarts[fit.page + 1] ?? Number.POSITIVE_INFINITY;
  return index >= start && index < end;
}
