// Copied by dmspec from generator/runtime/declarative/build-set.ts. Do not edit: change that file and run "npm run generate".
import { nameUuid } from "../uuid/name-uuid.js";
import { buildDeclaration } from "./build-declaration.js";
import { checkDeclarationSet } from "./set-check.js";
class DeclarationSetError extends Error {
  findings;
  constructor(findings, declarations) {
    const lines = findings.map((f) => `  [${f.index}] ${declarations[f.index]?.Type ?? ""} ${f.path}: ${f.code}: ${f.message}`);
    super(`the declaration set has ${findings.length} error${findings.length === 1 ? "" : "s"}:
${lines.join("\n")}`);
    this.name = "DeclarationSetError";
    this.findings = findings;
  }
}
function declarationSet(registry, options) {
  const seed = options?.seed;
  if (typeof seed !== "string" || seed === "") throw new TypeError("createDeclarationSet needs a seed (a non-empty string): the identifiers of its declarations are named by it");
  const declarations = [];
  const counts = /* @__PURE__ */ new Map();
  return {
    declarations,
    add(type, payload = {}, one = {}) {
      if (typeof one !== "object" || one === null) throw new TypeError("a declaration's options must be a dictionary");
      let own = one.seed;
      if (own === void 0 && one.Identifier === void 0 && typeof type === "string") {
        const n = (counts.get(type) ?? 0) + 1;
        counts.set(type, n);
        own = n === 1 ? type : `${type}.${n}`;
      }
      const Identifier = one.Identifier ?? (typeof own === "string" && own !== "" ? nameUuid(`declaration/${JSON.stringify(seed)}/${own}`) : void 0);
      const d = buildDeclaration(type, payload, { ...one, ...Identifier !== void 0 ? { Identifier } : {} });
      declarations.push(d);
      return d;
    },
    build() {
      const findings = checkDeclarationSet(declarations, registry);
      const errors = findings.filter((f) => f.severity === "error");
      if (errors.length) throw new DeclarationSetError(errors, declarations);
      return { declarations: [...declarations], warnings: findings };
    }
  };
}
export {
  DeclarationSetError,
  declarationSet
};
