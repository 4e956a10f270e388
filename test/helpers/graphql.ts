/**
 * GitHub's GraphQL endpoint for the fake GitHubs: every query is validated against GitHub's real
 * GraphQL schema (@octokit/graphql-schema, as `checkRequest` validates REST requests against
 * @octokit/openapi) and then executed by graphql-js on that schema, with a root value that the
 * fake's world provides. Only what the app asks for is resolved: organizations, their teams, and
 * the teams' members (paged with GitHub's cursors).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildClientSchema,
  executeSync,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";

let schema: GraphQLSchema | undefined;

function githubSchema(): GraphQLSchema {
  if (schema) return schema;
  // The package exports only its index (which parses the schema on import); read the file itself.
  const file = join(
    import.meta.dirname,
    "..",
    "..",
    "node_modules",
    "@octokit",
    "graphql-schema",
    "schema.json",
  );
  schema = buildClientSchema(JSON.parse(readFileSync(file, "utf8")) as IntrospectionQuery);
  return schema;
}

/** Whether `method path` is GitHub's GraphQL endpoint (`/graphql`, or `/api/graphql` on GitHub Enterprise Server). */
export function isGraphqlRoute(method: string, path: string): boolean {
  return method.toUpperCase() === "POST" && /^(\/api)?\/graphql$/.test(path);
}

/** Parses and validates a GraphQL request body against GitHub's schema; throws what GitHub would answer. */
export function checkGraphql(body: unknown): DocumentNode {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== "string") throw new Error("POST /graphql without a query");
  const document = parse(query);
  const errors = validate(githubSchema(), document);
  if (errors.length > 0)
    throw new Error(`GraphQL query rejected: ${errors.map((e) => e.message).join("; ")}`);
  return document;
}

/** Members of a team as the world has them (active members only), or undefined for no such team. */
export type TeamLookup = (org: string, slug: string) => string[] | undefined;

/** Executes a (checked) GraphQL request against `teams`; returns the response body GitHub would send. */
export function answerGraphql(body: unknown, teams: TeamLookup): unknown {
  const document = checkGraphql(body);
  const variables = (body as { variables?: Record<string, unknown> }).variables ?? {};
  const root = {
    organization: ({ login }: { login: string }) => ({
      login,
      team: ({ slug }: { slug: string }) => {
        const members = teams(login, slug);
        if (!members) return null;
        return {
          slug,
          members: ({ first, after }: { first?: number; after?: string }) => {
            const start = after ? Number(Buffer.from(after, "base64").toString("utf8").split(":")[1]) : 0;
            const size = Math.min(first ?? 100, 100);
            const nodes = members.slice(start, start + size).map((login) => ({ login }));
            const end = start + nodes.length;
            return {
              totalCount: members.length,
              nodes,
              pageInfo: {
                hasNextPage: end < members.length,
                hasPreviousPage: start > 0,
                endCursor: Buffer.from(`cursor:${end}`).toString("base64"),
                startCursor: Buffer.from(`cursor:${start}`).toString("base64"),
              },
            };
          },
        };
      },
    }),
  };
  const result = executeSync({
    schema: githubSchema(),
    document,
    rootValue: root,
    variableValues: variables,
  });
  return JSON.parse(JSON.stringify(result)) as unknown;
}
