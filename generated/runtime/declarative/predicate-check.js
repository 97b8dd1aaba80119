// Copied by dmspec from generator/runtime/declarative/predicate-check.ts. Do not edit: change that file and run "npm run generate".
import { parsePredicate } from "./predicate-parser.js";
import { extensionTerms } from "./predicate-terms.js";
const TERMS = ["status", "key", "property"];
function predicateIssues(text, statusItems, properties) {
  const parsed = parsePredicate(text);
  if (!parsed.ok) {
    return [{ code: "predicate-syntax", severity: "error", offset: parsed.offset, message: `not a predicate at character ${parsed.offset + 1}: ${parsed.message} (the device reports Error.UnableToParsePredicate and does not activate it)` }];
  }
  const out = [];
  for (const term of extensionTerms(parsed.predicate)) {
    const at = term.span.start;
    const name = JSON.stringify(term.argument);
    if (!TERMS.includes(term.name)) {
      out.push({ code: "unknown-extension-term", severity: "warning", offset: at, message: `@${term.name}(\u2026) at character ${at + 1} is none of the extension terms the pages define (@status, @key, @property)` });
    } else if (term.name === "status" && statusItems && !statusItems.has(term.argument)) {
      out.push({ code: "unknown-status-item", severity: "warning", offset: at, message: `@status(${term.argument}) at character ${at + 1}: ${name} is no status item the spec defines` });
    } else if (term.name === "property" && !properties.has(term.argument)) {
      out.push({ code: "unknown-management-property", severity: "warning", offset: at, message: `@property(${term.argument}) at character ${at + 1}: no com.apple.management.properties declaration of the set defines ${name}` });
    }
  }
  return out;
}
export {
  predicateIssues
};
