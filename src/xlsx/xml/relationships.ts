import { XmlScanner, OPEN, EOF } from "./scanner";

/** One relationship of an OPC part: its type (the last segment of the URI) and target part name. */
export interface Relationship {
  readonly type: string;
  readonly target: string;
}

/**
 * A `.rels` part → relationships by id, targets resolved against `baseFolder` (e.g. "xl/") to part
 * names without a leading "/". External targets (links to other files) are left out.
 */
export function readRelationships(bytes: Uint8Array, baseFolder: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const x = new XmlScanner(bytes);
  for (let k = x.next(); k !== EOF; k = x.next()) {
    if (k !== OPEN || !x.is("Relationship")) continue;
    if (x.attrValue("TargetMode") === "External") continue;
    const id = x.attrValue("Id");
    const target = x.attrValue("Target");
    const type = x.attrValue("Type") ?? "";
    if (id === null || target === null) continue;
    rels.set(id, { type: type.slice(type.lastIndexOf("/") + 1), target: resolvePart(baseFolder, target) });
  }
  return rels;
}

/** A relationship target (relative to the folder of its source, or absolute) as a part name. */
export function resolvePart(baseFolder: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : baseFolder + target;
  const parts: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}
