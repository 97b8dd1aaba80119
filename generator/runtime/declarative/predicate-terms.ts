/**
 * The extension terms of a parsed predicate, in the order they appear: `@status(…)` names a
 * status item, `@property(…)` a management property, and `@key(…)` a key of an item of a status
 * item's array, read through a `SUBQUERY` variable (`SUBQUERY(@status(app.managed.list), $app,
 * $app.@key(state) == "managed")`): such a term carries the status item its variable ranges over.
 */
import type { ExpressionNode, PredicateNode, Span } from './predicate-parser.js';

export interface ExtensionTerm {
  /** `status`, `key`, `property`, or another name the pages do not define. */
  name: string;
  argument: string;
  /** The argument's place in the predicate string. */
  span: Span;
  /** For `@key` through a `SUBQUERY` variable over `@status(item)`: that item. */
  item?: string;
}

type Scope = ReadonlyMap<string, string>;

/** Every extension term of `predicate`; walked without recursion, so depth is no concern here. */
export function extensionTerms(predicate: PredicateNode): ExtensionTerm[] {
  const out: ExtensionTerm[] = [];
  const stack: Array<[PredicateNode | ExpressionNode, Scope]> = [[predicate, new Map()]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, scope] = top;
    const push = (...children: Array<PredicateNode | ExpressionNode>): void => {
      for (let k = children.length - 1; k >= 0; k--) stack.push([children[k]!, scope]);
    };
    switch (node.kind) {
      case 'constant': case 'literal': case 'self': case 'variable': case 'key': case 'operator':
        break;
      case 'not': push(node.operand); break;
      case 'negate': push(node.operand); break;
      case 'and': case 'or': push(...node.operands); break;
      case 'comparison': push(node.left, node.right); break;
      case 'arithmetic': push(node.left, node.right); break;
      case 'array': push(...node.items); break;
      case 'function': push(...node.args); break;
      case 'index': push(node.object, ...(typeof node.index === 'string' ? [] : [node.index])); break;
      case 'extension':
        out.push({ name: node.name, argument: node.argument, span: node.argumentSpan });
        break;
      case 'member': {
        if (node.member.kind === 'extension' && node.member.name === 'key' && node.object.kind === 'variable') {
          const item = scope.get(node.object.name);
          const m = node.member;
          out.push({ name: m.name, argument: m.argument, span: m.argumentSpan, ...(item !== undefined ? { item } : {}) });
          break;
        }
        push(node.object, node.member);
        break;
      }
      case 'subquery': {
        stack.push([node.collection, scope]);
        const c = node.collection;
        const inner = new Map(scope);
        if (c.kind === 'extension' && c.name === 'status') inner.set(node.variable, c.argument);
        else inner.delete(node.variable);
        // Terms are listed in order: the predicate's are found after the collection's.
        stack.splice(stack.length - 1, 0, [node.predicate, inner]);
        break;
      }
      default: {
        const never: never = node;
        throw new Error(`unexpected predicate node ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}
