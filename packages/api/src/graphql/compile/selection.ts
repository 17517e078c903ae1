// The fields a selection set asks of one object type, as graphql-js would execute them: fragments
// and inline fragments merged, @skip/@include applied, response keys in document order, and each
// field's arguments coerced (defaults, variables, scalars parsed) exactly as its resolver gets them.
import {
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLIncludeDirective,
  type GraphQLObjectType,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from "graphql";

export interface SelectedField {
  /** The response key: the alias, or the field name. */
  key: string;
  name: string;
  args: Record<string, unknown>;
  /** The field's nodes (one per place the document selects it under this key). */
  nodes: FieldNode[];
  /** The named type the field returns, when it is an object type. */
  objectType: GraphQLObjectType | null;
}

export interface SelectionScope {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function included(node: FieldNode | { directives?: FieldNode["directives"] }, scope: SelectionScope) {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, scope.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, scope.variables);
  return include?.if !== false;
}

function collectInto(
  type: GraphQLObjectType,
  set: SelectionSetNode,
  scope: SelectionScope,
  out: Map<string, FieldNode[]>,
  seen: Set<string>,
): void {
  for (const selection of set.selections) {
    if (!included(selection, scope)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const list = out.get(key);
      if (list) list.push(selection);
      else out.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition?.name.value;
      if (!on || on === type.name) collectInto(type, selection.selectionSet, scope, out, seen);
    } else {
      const name = selection.name.value;
      const fragment = scope.fragments[name];
      if (seen.has(name) || !fragment || fragment.typeCondition.name.value !== type.name) continue;
      seen.add(name);
      collectInto(type, fragment.selectionSet, scope, out, seen);
    }
  }
}

/**
 * The fields selected of `type` by the given selection sets (several when a response key is
 * selected in several places), or null when one cannot be read here (an unknown field, or
 * introspection other than `__typename`).
 */
export function selectFields(
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  scope: SelectionScope,
): SelectedField[] | null {
  const byKey = new Map<string, FieldNode[]>();
  const seen = new Set<string>();
  for (const set of sets) collectInto(type, set, scope, byKey, seen);
  const fields: SelectedField[] = [];
  const defs = type.getFields();
  for (const [key, nodes] of byKey) {
    const name = nodes[0]!.name.value;
    if (name === "__typename") {
      fields.push({ key, name, args: {}, nodes, objectType: null });
      continue;
    }
    const def = defs[name];
    if (!def) return null;
    const named = getNamedType(def.type);
    fields.push({
      key,
      name,
      args: getArgumentValues(def, nodes[0]!, scope.variables),
      nodes,
      objectType: isObjectType(named) ? named : null,
    });
  }
  return fields;
}

/** The fields selected under an object-typed field. */
export function subfields(field: SelectedField, scope: SelectionScope): SelectedField[] | null {
  if (!field.objectType) return null;
  const sets = field.nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  return selectFields(field.objectType, sets, scope);
}
