import { formatDate, hasContent, initials, isEmail, phoneDigits } from "../../src/components/ContactDisplay/format.js";

describe("isEmail", () => {
  it.each([
    "ana@example.com",
    "ana.lima+crm@mail.example.com",
    "o'neil_2@example.co.za",
    "user42@mail2.example9.org",
    "josé@exämple.de",
    "a@b.co",
  ])("accepts %s", (address) => {
    expect(isEmail(address)).toBe(true);
  });

  it.each([
    ["a space in the local part", "ana lima@example.com"],
    ["a query before the address", "?to=x@example.com"],
    ["a header after the address", "ana@example.com?bcc=eve@example.com"],
    ["a path after the address", "ana@example.com/x"],
    ["no dot in the domain", "ana@localhost"],
    ["an empty label", "ana@example..com"],
    ["a percent-encoded newline", "ana%0A@example.com"],
    ["no local part", "@example.com"],
  ])("rejects an address with %s", (_case, address) => {
    expect(isEmail(address)).toBe(false);
  });

  it("accepts 254 characters and no more", () => {
    const domain = "@example.com";
    expect(isEmail(`${"a".repeat(254 - domain.length)}${domain}`)).toBe(true);
    expect(isEmail(`${"a".repeat(255 - domain.length)}${domain}`)).toBe(false);
  });
});

describe("phoneDigits", () => {
  it("gives the digits of a number, and null (not undefined) for anything else", () => {
    expect(phoneDigits("+27 (12) 345-6789")).toBe("27123456789");
    expect(phoneDigits("call me")).toBeNull();
    expect(phoneDigits("123")).toBeNull();
    expect(phoneDigits(undefined)).toBeNull();
  });
});

describe("initials", () => {
  it("skip leading punctuation rather than taking it as a letter", () => {
    expect(initials("(Anna) Smith")).toBe("AS");
    expect(initials("Anna <Smith>")).toBe("AS");
  });

  it("keep a combining mark with its letter", () => {
    const decomposed = "e\u0301mile zo\u0308e";
    expect(initials(decomposed)).toBe("E\u0301Z");
    expect(initials("Anna \u00e9mile")).toBe("A\u00c9");
  });

  it("keep an emoji sequence whole", () => {
    expect(initials("👩‍💻 Team")).toBe("👩‍💻T");
    expect(initials("🇿🇦 Office")).toBe("🇿🇦O");
  });

  it("take a Latin initial without asking the segmenter, which is slow", () => {
    // Warm up: the segmenter is made once, on first use.
    expect(initials("👩‍💻")).toBe("👩‍💻");
    const segment = vi.spyOn(Intl.Segmenter.prototype, "segment");
    try {
      expect(initials("Anna Smith")).toBe("AS");
      expect(initials("Á b")).toBe("ÁB");
      expect(initials("J K")).toBe("JK");
      expect(initials("Z")).toBe("Z");
      expect(segment).not.toHaveBeenCalled();
    } finally {
      segment.mockRestore();
    }
  });
});

describe("hasContent", () => {
  it("is false for null, undefined and false, true for anything else", () => {
    expect(hasContent(null)).toBe(false);
    expect(hasContent(undefined)).toBe(false);
    expect(hasContent(false)).toBe(false);
    expect(hasContent(true)).toBe(true);
    expect(hasContent(0)).toBe(true);
    expect(hasContent("")).toBe(true);
    expect(hasContent("Call")).toBe(true);
  });
});

describe("formatDate", () => {
  it("makes one date formatter per locale and time zone, not one per date", () => {
    const Original = Intl.DateTimeFormat;
    let made = 0;
    Object.defineProperty(Intl, "DateTimeFormat", {
      value: new Proxy(Original, {
        construct: (target, args: [string?, Intl.DateTimeFormatOptions?]) => {
          made += 1;
          return new target(...args);
        },
      }),
      configurable: true,
      writable: true,
    });
    try {
      expect(formatDate("2025-12-12T08:00:00Z", "nl-NL", "Europe/Amsterdam")?.text).toBe("12 dec 2025");
      expect(formatDate("2025-01-02T08:00:00Z", "nl-NL", "Europe/Amsterdam")?.text).toBe("2 jan 2025");
      expect(formatDate("2024-06-30T23:30:00Z", "nl-NL", "Europe/Amsterdam")?.text).toBe("1 jul 2024");
      expect(made).toBe(1);
    } finally {
      Object.defineProperty(Intl, "DateTimeFormat", { value: Original, configurable: true, writable: true });
    }
  });
});
