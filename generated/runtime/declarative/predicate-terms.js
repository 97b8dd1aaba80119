// Copied by dmspec from generator/runtime/declarative/predicate-terms.ts. Do not edit: change that file and run "npm run generate".
function extensionTerms(predicate) {
  const out = [];
  const stack = [[predicate, /* @__PURE__ */ new Map()]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, scope] = top;
    const push = (...children) => {
      for (let k = children.length - 1; k >= 0; k--) stack.push([children[k], scope]);
    };
    switch (node.kind) {
      case "constant":
      case "literal":
      case "self":
      case "variable":
      case "key":
      case "operator":
        break;
      case "not":
        push(node.operand);
        break;
      case "negate":
        push(node.operand);
        break;
      case "and":
      case "or":
        push(...node.operands);
        break;
      case "comparison":
        push(node.left, node.right);
        break;
      case "arithmetic":
        push(node.left, node.right);
        break;
      case "array":
        push(...node.items);
        break;
      case "function":
        push(...node.args);
        break;
      case "index":
        push(node.object, ...typeof node.index === "string" ? [] : [node.index]);
        break;
      case "extension":
        out.push({ name: node.name, argument: node.argument, span: node.argumentSpan });
        break;
      case "member": {
        if (node.member.kind === "extension" && node.member.name === "key" && node.object.kind === "variable") {
          const item = scope.get(node.object.name);
          const m = node.member;
          out.push({ name: m.name, argument: m.argument, span: m.argumentSpan, ...item !== void 0 ? { item } : {} });
          break;
        }
        push(node.object, node.member);
        break;
      }
      case "subquery": {
        stack.push([node.collection, scope]);
        const c = node.collection;
        const inner = new Map(scope);
        if (c.kind === "extension" && c.name === "status") inner.set(node.variable, c.argument);
        else inner.delete(node.variable);
        stack.splice(stack.length - 1, 0, [node.predicate, inner]);
        break;
      }
      default: {
        const never = node;
        throw new Error(`unexpected predicate node ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}
export {
  extensionTerms
};
