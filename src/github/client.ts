/**
 * The slice of Octokit that campaign-gate uses. Probot's octokit and @actions/github's both satisfy
 * it, so the GitHub I/O here is shared by the app and the Action without depending on either.
 */
export interface GitHubResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string | number | undefined>;
}

export interface GitHubClient {
  request(route: string, parameters?: Record<string, unknown>): Promise<GitHubResponse<any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** GitHub's GraphQL endpoint (Octokit's `graphql`, which also finds it on GitHub Enterprise Server). */
  graphql?(query: string, parameters?: Record<string, unknown>): Promise<unknown>;
}
