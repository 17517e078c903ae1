// graphql-js reports a bad literal as `Expected value of type "Date", found "2025-13-45"; ...`
// without saying which argument it was. This names it: `Invalid argument "from": ...`, and adds
// `extensions.argument`, as the resolvers' own argument errors do.
import { type ASTNode, type DocumentNode, GraphQLError, visit } from "graphql";
import type { Plugin } from "graphql-yoga";

/** The argument path ("input.stake" for an input field) of every value node inside an argument. */
function argumentPaths(document: DocumentNode): Map<ASTNode, string> {
  const paths = new Map<ASTNode, string>();
  const stack: string[] = [];
  visit(document, {
    Argument: {
      enter(node) {
        stack.push(node.name.value);
        paths.set(node.value, stack.join("."));
      },
      leave() {
        stack.pop();
      },
    },
    ObjectField: {
      enter(node) {
        if (stack.length === 0) return;
        stack.push(node.name.value);
        paths.set(node.value, stack.join("."));
      },
      leave() {
        if (stack.length > 0) stack.pop();
      },
    },
  });
  return paths;
}

export function useArgumentErrors(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        let paths: Map<ASTNode, string> | undefined;
        setResult(
          result.map((error) => {
            const node = error.nodes?.[0];
            if (!node || !error.message.startsWith("Expected value of type")) return error;
            paths ??= argumentPaths(params.documentAST);
            const argument = paths.get(node);
            // Rebuilt without originalError (the scalar's TypeError), which yoga would mask.
            if (!argument)
              return new GraphQLError(error.message, { nodes: error.nodes, extensions: error.extensions });
            return new GraphQLError(`Invalid argument "${argument}": ${error.message}`, {
              nodes: error.nodes,
              source: error.source,
              positions: error.positions,
              extensions: { ...error.extensions, code: "BAD_USER_INPUT", argument },
            });
          }),
        );
      };
    },
  };
}
