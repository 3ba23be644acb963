// html-encoding-sniffer ships no types; this is its documented call (README, v6).
declare module 'html-encoding-sniffer' {
  /** The HTML standard's encoding sniffing: BOM, transport label, `<meta>` prescan, then the default. */
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
