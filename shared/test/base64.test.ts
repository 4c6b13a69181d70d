import { describe, expect, it } from "vitest";
import { PDF_MINIMAL_BASE64, decoderBase64, encoderBase64, tailleBase64 } from "../src/index.js";

describe("base64", () => {
  it("decodes like the platform", () => {
    for (const s of ["", "a", "ab", "abc", "abcd", "é€😀", "%PDF-1.4\n"]) {
      const octets = new TextEncoder().encode(s);
      const b64 = btoa(String.fromCharCode(...octets));
      expect(encoderBase64(octets)).toBe(b64);
      expect(decoderBase64(b64)).toEqual(octets);
      expect(tailleBase64(b64)).toBe(octets.length);
    }
  });

  it("accepts missing padding and whitespace, refuses garbage", () => {
    expect(new TextDecoder().decode(decoderBase64("YWI")!)).toBe("ab");
    expect(new TextDecoder().decode(decoderBase64("YW\nJj")!)).toBe("abc");
    expect(decoderBase64("YW*j")).toBeNull();
    expect(decoderBase64("Y")).toBeNull();
    expect(decoderBase64("YQ=a")).toBeNull();
  });

  it("the example PDF is a PDF", () => {
    const pdf = new TextDecoder().decode(decoderBase64(PDF_MINIMAL_BASE64)!);
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
  });
});
