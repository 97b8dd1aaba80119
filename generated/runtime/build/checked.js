// Copied by dmspec from generator/runtime/build/checked.ts. Do not edit: change that file and run "npm run generate".
class DocumentError extends Error {
  issues;
  constructor(what, issues) {
    const errors = issues.filter((i) => i.severity === "error");
    const shown = errors.slice(0, 5).map((i) => `${i.path === "" ? "(top level)" : i.path}: ${i.message}`);
    const more = errors.length > shown.length ? `; ${errors.length - shown.length} more` : "";
    super(`${what} does not validate: ${shown.join("; ")}${more}`);
    this.name = "DocumentError";
    this.issues = issues;
  }
}
function checked(what, document, validation) {
  if (!validation.valid) throw new DocumentError(what, validation.issues);
  return document;
}
export {
  DocumentError,
  checked
};
