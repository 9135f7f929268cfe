/**
 * Vega's SVG carries what a browser needs (ARIA roles, classes, invisible background paths of
 * every group, identity transforms, 15-digit coordinates). In the PDF, svg-to-pdfkit parses and
 * walks all of it for every chart on every build; dropping it roughly halves the SVG and the
 * drawing time, and changes nothing that is drawn. The chart's text for readers is in the report
 * model (`description`), not in these attributes.
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(/<path class="background"[^>]*\/>/g, '')
    .replace(/ (?:class|role|aria-[a-z]+|pointer-events)="[^"]*"/g, '')
    .replace(/ opacity="1"/g, '')
    .replace(/ transform="translate\(0,0\)"/g, '')
    .replace(/(\d+\.\d{3})\d+/g, '$1');
}
