import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openBoard, sessionWith } from './canvas-support';

// Emoji everywhere, without a system emoji font (this machine has none): the pages bundle Noto
// Emoji, and the canvas asks for the parts its notes need and repaints once they are in.

const SESSION = 'emoji';

/**
 * Whether the page's own font stack draws 🙂 as a glyph: drawn on a scratch canvas it must differ
 * from a character no font has (an empty box), which it equals while no emoji font is there.
 */
function emojiDrawn(page: Page, fontFamily: string | null = null): Promise<boolean> {
  return page.evaluate((family) => {
    const stack = family ?? getComputedStyle(document.body).fontFamily;
    const draw = (text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.font = `32px ${stack}`;
      context.fillText(text, 4, 38);
      return context.getImageData(0, 0, 48, 48).data.join(',');
    };
    return draw('🙂') !== draw('\u{10FFFD}');
  }, fontFamily);
}

test('a note with an emoji shows it on the board, the projector and the phone', async ({ browser, page, host }) => {
  const socket = await sessionWith(host, SESSION, 'lemniscaat-ik-wij-het', [{ id: 'n1', zoneId: 'wij', text: 'Goed bezig 🙂 met elkaar', x: 420, y: 500 }]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openBoard(page, host, SESSION, 1);
  // The board asked for the emoji part of the font, and the canvas can draw it.
  await expect.poll(() => page.evaluate(() => document.fonts.check('24px "Noto Emoji"', '🙂'))).toBe(true);
  expect(await emojiDrawn(page)).toBe(true);
  await page.screenshot({ path: test.info().outputPath('emoji-board.png') });

  const projectorContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const projector = await projectorContext.newPage();
  await projector.goto(host.pageUrl('projector.html', { session: SESSION }));
  await expect.poll(() => projector.evaluate(() => document.fonts.check('24px "Noto Emoji"', '🙂'))).toBe(true);
  expect(await emojiDrawn(projector)).toBe(true);
  await projectorContext.close();

  // The phone page is plain DOM: its text asks for the font by itself.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(host.pageUrl('join.html'));
  await phone.evaluate(() => {
    const line = document.createElement('p');
    line.textContent = 'Proef 🙂';
    document.body.append(line);
  });
  await expect.poll(() => phone.evaluate(() => document.fonts.check('24px "Noto Emoji"', '🙂'))).toBe(true);
  expect(await emojiDrawn(phone)).toBe(true);
  await phoneContext.close();
  socket.close();
});

test('without the bundled font the same check sees an empty box, so it can fail', async ({ page, host }) => {
  await page.goto(host.pageUrl(''));
  // A stack without the emoji family: nothing on this machine draws 🙂.
  expect(await emojiDrawn(page, 'sans-serif')).toBe(false);
});
