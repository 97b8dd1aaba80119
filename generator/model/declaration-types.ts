/**
 * The declaration types a reference may name, resolved across the spec. A page asks for a type
 * by its declaration type (`com.apple.asset.data`) or by the name its asset page carries without
 * the `Asset` prefix (`CredentialUserNameAndPassword` is `AssetCredentialUserNameAndPassword`,
 * `com.apple.asset.credential.userpassword`); "a credential asset declaration" allows every
 * credential asset (`com.apple.asset.credential.…`). A name that resolves to nothing is reported
 * and leaves the reference open to any declaration of its category: nothing is guessed.
 */
import type { Diagnostic } from './diagnostics.js';
import { DECLARATION_CATEGORIES, type DeclarationCategory, type IrObject, type IrProperty } from './ir.js';

/** The category of a declaration type: `com.apple.asset.data` is an asset; a type outside `com.apple.` has none the pages define. */
export function declarationCategory(type: string): DeclarationCategory | undefined {
  const m = /^com\.apple\.([a-z]+)\./.exec(type);
  return m && (DECLARATION_CATEGORIES as readonly string[]).includes(m[1]!) ? (m[1] as DeclarationCategory) : undefined;
}

/**
 * Sets `types` on every declaration reference of `definitions`, replacing the properties it
 * changes with copies (page results may be cached and handed out again), and reports names that
 * resolve to no declaration type of the spec.
 */
export function resolveDeclarationTypes(definitions: Map<string, IrObject>): Diagnostic[] {
  const types = new Map<string, string>();
  for (const o of definitions.values()) if (o.declarationType) types.set(o.declarationType, o.declarationType);
  const byAssetName = new Map<string, string>();
  for (const o of definitions.values()) {
    if (o.declarationType && declarationCategory(o.declarationType) === 'asset' && o.name.startsWith('Asset')) byAssetName.set(o.name.slice('Asset'.length), o.declarationType);
  }
  const all = [...types.keys()].sort();
  const out: Diagnostic[] = [];
  for (const [name, o] of definitions) {
    if (!o.properties.some((p) => p.declarationReference)) continue;
    const properties = o.properties.map((p): IrProperty => {
      const ref = p.declarationReference;
      if (!ref) return p;
      let resolved: string[] | undefined;
      if (ref.named) {
        resolved = [];
        for (const spelled of ref.named) {
          const type = types.get(spelled) ?? byAssetName.get(spelled);
          if (type !== undefined && declarationCategory(type) === ref.category) resolved.push(type);
          else {
            out.push({
              severity: 'warning', code: 'unresolved-declaration-type', file: p.source.file, line: p.factLines?.declarationReference ?? p.source.line,
              message: `${o.name}.${p.name} asks for ${ref.category} declarations of type ${spelled}, which is no ${ref.category} declaration type of the spec; any ${ref.category} is accepted`,
            });
          }
        }
        if (resolved.length === 0) resolved = undefined;
      }
      if (resolved === undefined && ref.credential) {
        const credential = all.filter((t) => t.startsWith('com.apple.asset.credential.'));
        if (credential.length) resolved = credential;
      }
      return resolved ? { ...p, declarationReference: { ...ref, types: resolved } } : p;
    });
    definitions.set(name, { ...o, properties });
  }
  return out;
}
