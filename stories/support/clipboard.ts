/**
 * A stand-in for `navigator.clipboard` for a story's `beforeEach`, so the copied and refused
 * states show the same way everywhere (Storybook, jsdom, both browser runs). The real
 * clipboard is checked in Chromium by e2e/stories/clipboard.spec.ts.
 */
export function fakeClipboard(behaviour: "accepts" | "refuses") {
  const written: string[] = [];
  return {
    written,
    install() {
      written.length = 0;
      const original = Object.getOwnPropertyDescriptor(navigator, "clipboard");
      const clipboard = {
        writeText: (value: string) => {
          if (behaviour === "refuses") return Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
          written.push(value);
          return Promise.resolve();
        },
      };
      Object.defineProperty(navigator, "clipboard", { value: clipboard, configurable: true });
      return () => {
        if (original) Object.defineProperty(navigator, "clipboard", original);
        else delete (navigator as { clipboard?: unknown }).clipboard;
      };
    },
  };
}
