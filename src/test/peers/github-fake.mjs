// A small stateful stand-in for GitHub's issue-comment endpoints and what autofix uses: the REST
// commit read and GraphQL's createCommitOnBranch. Prism's proxy mode sits in front of the REST
// endpoints and validates both the client's requests and these answers against GitHub's
// description; /graphql (which Prism does not know) validates each request against GitHub's
// published GraphQL schema and answers through graphql-js's own execution of that schema.
// The test drives it through /_control (not part of GitHub's API; called directly, not via Prism).
// Usage: node github-fake.mjs PORT PUBLIC_URL
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { GraphQLError, execute, parse } from 'graphql';
import { problems, schema } from './github-graphql.mjs';

const port = Number(process.argv[2]);
const publicUrl = process.argv[3]; // where clients reach us (Prism), for Link and url fields

let state;
function reset(options = {}) {
  state = {
    nextId: 1000,
    comments: [], // {id, issue, body, created_at, updated_at}
    forbidden: new Set(options.forbidden ?? []), // "owner/repo" answering 403 on writes (fork)
    faults: options.faults ?? [], // [{method, status, times}] answered before real handling
    // who the token is: 'bot' (GITHUB_TOKEN: GET /user is refused), 'app' (a GitHub App's
    // installation token, refused too) or 'person' (a personal token)
    token: options.token ?? 'bot',
    requests: [],
    // git: commits by sha {repository, message, parents, files: {path: base64} | null (unknown)}
    // and branch heads by "owner/repo:branch"
    commits: Object.fromEntries((options.commits ?? []).map((c) =>
      [c.sha, { repository: c.repository, message: c.message, parents: c.parents ?? [], files: c.files ?? null }])),
    branches: { ...(options.branches ?? {}) },
    // "owner/repo" whose token may not write contents (GITHUB_TOKEN with contents: read)
    readOnly: new Set(options.readOnly ?? []),
    made: [], // commits createCommitOnBranch made, in order
  };
}
reset();

const user = {
  login: 'github-actions[bot]', id: 41898282, node_id: 'MDM6Qm90NDE4OTgyODI=',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4', gravatar_id: '',
  url: 'https://api.github.com/users/github-actions%5Bbot%5D',
  html_url: 'https://github.com/apps/github-actions',
  followers_url: 'https://api.github.com/users/github-actions%5Bbot%5D/followers',
  following_url: 'https://api.github.com/users/github-actions%5Bbot%5D/following{/other_user}',
  gists_url: 'https://api.github.com/users/github-actions%5Bbot%5D/gists{/gist_id}',
  starred_url: 'https://api.github.com/users/github-actions%5Bbot%5D/starred{/owner}{/repo}',
  subscriptions_url: 'https://api.github.com/users/github-actions%5Bbot%5D/subscriptions',
  organizations_url: 'https://api.github.com/users/github-actions%5Bbot%5D/orgs',
  repos_url: 'https://api.github.com/users/github-actions%5Bbot%5D/repos',
  events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/events{/privacy}',
  received_events_url: 'https://api.github.com/users/github-actions%5Bbot%5D/received_events',
  type: 'Bot', site_admin: false,
};

// a person who comments on the pull request: not the token's identity
function person(login, id) {
  const u = `https://api.github.com/users/${login}`;
  return {
    login, id, node_id: `U_${id}`, avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '', url: u, html_url: `https://github.com/${login}`,
    followers_url: `${u}/followers`, following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`, starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`, organizations_url: `${u}/orgs`, repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`, received_events_url: `${u}/received_events`,
    type: 'User', site_admin: false,
  };
}
// another App's bot, and the bot of the App whose token the run may hold
function appBot(slug, id) {
  const login = `${slug}[bot]`;
  const u = `https://api.github.com/users/${encodeURIComponent(login)}`;
  return {
    ...person(login, id), node_id: `BOT_${id}`, url: u, html_url: `https://github.com/apps/${slug}`,
    followers_url: `${u}/followers`, following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`, starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`, organizations_url: `${u}/orgs`, repos_url: `${u}/repos`,
    events_url: `${u}/events{/privacy}`, received_events_url: `${u}/received_events`, type: 'Bot',
  };
}
const users = {
  bot: user, stranger: person('mallory', 7001), owner: person('octo-person', 7002),
  app: appBot('kube-fix', 7003), otherApp: appBot('renovate', 7004),
};
const authorOf = { person: 'owner', bot: 'bot', app: 'app' };
function integration(slug, id, name) {
  return {
    id, slug, node_id: `A_${id}`, client_id: `Iv1.${id}`, owner: person('example', 7100),
    name, description: null, external_url: `https://example.com/${slug}`,
    html_url: `https://github.com/apps/${slug}`, created_at: '2020-01-01T00:00:00Z',
    updated_at: '2020-01-01T00:00:00Z', permissions: { issues: 'write', pull_requests: 'write' },
    events: [],
  };
}
const apps = {
  bot: integration('github-actions', 15368, 'GitHub Actions'),
  app: integration('kube-fix', 8003, 'kube-fix'),
  otherApp: integration('renovate', 8004, 'Renovate'),
};

function view(c) {
  const [owner, repo, number] = c.issue.split('/');
  return {
    id: c.id, node_id: `IC_${c.id}`,
    url: `${publicUrl}/repos/${owner}/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${owner}/${repo}/pull/${number}#issuecomment-${c.id}`,
    issue_url: `${publicUrl}/repos/${owner}/${repo}/issues/${number}`,
    body: c.body, user: users[c.author ?? 'bot'], created_at: c.created_at, updated_at: c.updated_at,
    author_association: 'NONE',
    // a GitHub App's bot comments "via" its App, as GitHub says in every answer
    performed_via_github_app: apps[c.author ?? 'bot'] ?? null,
  };
}

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

const error = (message) => ({ message, documentation_url: 'https://docs.github.com/rest' });

function handle(req, res, body, replay = false) {
  const url = new URL(req.url, 'http://fake');
  if (url.pathname === '/_control/reset') {
    reset(body ? JSON.parse(body) : {});
    return send(res, 200, { ok: true });
  }
  if (url.pathname === '/_control/seed') {
    const { issue, count, bodyPrefix, author } = JSON.parse(body);
    for (let i = 0; i < count; i++) add(issue, `${bodyPrefix ?? 'other comment'} ${i}`, author);
    return send(res, 200, { ok: true });
  }
  if (url.pathname === '/_control/state') {
    const comments = state.comments.map((c) => ({ ...c, author: c.author ?? 'bot' }));
    return send(res, 200, { comments, requests: state.requests, made: state.made, branches: state.branches });
  }

  if (!replay) state.requests.push({
    method: req.method, path: url.pathname + url.search, body: body || null,
    authorization: req.headers.authorization ?? null, accept: req.headers.accept ?? null,
    apiVersion: req.headers['x-github-api-version'] ?? null,
  });
  // a fault with no path is for the REST calls, not the identity look-up through GraphQL
  const fault = replay ? undefined : state.faults.find((f) => f.method === req.method && f.times > 0
    && (f.path === undefined ? url.pathname !== '/graphql' : f.path === url.pathname));
  if (fault) {
    fault.times--;
    if (fault.commit) {
      // the request is carried out, but its answer is lost: what a client must not repeat blindly
      handle(req, { writeHead() {}, end() {} }, body, true);
    }
    return send(res, fault.status, error(fault.message ?? 'Server Error'), fault.headers ?? {});
  }
  if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
    return send(res, 401, error('Requires authentication'));
  }

  if (url.pathname === '/user' && req.method === 'GET') {
    // an installation token (GITHUB_TOKEN, a GitHub App) is no user
    if (state.token !== 'person') return send(res, 403, error('Resource not accessible by integration'));
    return send(res, 200, { ...users.owner, name: null, company: null, blog: '', location: null,
      email: null, hireable: null, bio: null, public_repos: 1, public_gists: 0, followers: 0,
      following: 0, created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-01T00:00:00Z' });
  }

  if (url.pathname === '/graphql' && req.method === 'POST') return graphql(res, body);

  let m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)$/);
  if (m && req.method === 'GET') {
    const c = state.commits[m[3]];
    if (!c || c.repository !== `${m[1]}/${m[2]}`) return send(res, 404, error(`No commit found for SHA: ${m[3]}`));
    return send(res, 200, commitView(`${m[1]}/${m[2]}`, m[3], c));
  }

  m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/);
  if (m) {
    const issue = `${m[1]}/${m[2]}/${m[3]}`;
    if (req.method === 'GET') {
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = state.comments.filter((c) => c.issue === issue);
      const last = Math.max(1, Math.ceil(all.length / perPage));
      const headers = {};
      if (page < last) {
        const link = (p) => `${publicUrl}${url.pathname}?per_page=${perPage}&page=${p}`;
        headers.link = `<${link(page + 1)}>; rel="next", <${link(last)}>; rel="last"`;
      }
      return send(res, 200, all.slice((page - 1) * perPage, page * perPage).map(view), headers);
    }
    if (req.method === 'POST') {
      if (state.forbidden.has(`${m[1]}/${m[2]}`)) {
        return send(res, 403, error('Resource not accessible by integration'));
      }
      const c = add(issue, JSON.parse(body).body, authorOf[state.token]);
      return send(res, 201, view(c), { location: view(c).url });
    }
  }
  m = url.pathname.match(/^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/);
  if (m && req.method === 'PATCH') {
    if (state.forbidden.has(`${m[1]}/${m[2]}`)) {
      return send(res, 403, error('Resource not accessible by integration'));
    }
    const c = state.comments.find((x) => x.id === Number(m[3]));
    if (!c) return send(res, 404, error('Not Found'));
    // a token may edit only its own identity's comments
    if ((c.author ?? 'bot') !== authorOf[state.token]) {
      return send(res, 403, error('Resource not accessible by integration'));
    }
    c.body = JSON.parse(body).body;
    c.updated_at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    return send(res, 200, view(c));
  }
  return send(res, 404, error('Not Found'));
}

function commitView(repository, sha, c) {
  const git = { name: 'Octo Person', email: 'octo@example.com', date: '2024-01-01T00:00:00Z' };
  return {
    url: `${publicUrl}/repos/${repository}/commits/${sha}`, sha, node_id: `C_${sha.slice(0, 12)}`,
    html_url: `https://github.com/${repository}/commit/${sha}`,
    comments_url: `${publicUrl}/repos/${repository}/commits/${sha}/comments`,
    commit: {
      url: `${publicUrl}/repos/${repository}/git/commits/${sha}`, author: git, committer: git,
      message: c.message, comment_count: 0,
      tree: { sha: sha1(`tree ${sha}`), url: `${publicUrl}/repos/${repository}/git/trees/${sha1(`tree ${sha}`)}` },
    },
    author: users.owner, committer: users.owner,
    parents: c.parents.map((p) => ({ sha: p, url: `${publicUrl}/repos/${repository}/commits/${p}`,
      html_url: `https://github.com/${repository}/commit/${p}` })),
    stats: { additions: 0, deletions: 0, total: 0 }, files: [],
  };
}

const sha1 = (text) => createHash('sha1').update(text).digest('hex');

// a GraphQL error as GitHub words it: a type beside the message
class GitHubError extends GraphQLError {
  constructor(type, message) {
    super(message);
    this.type = type;
  }
}

const root = {
  // who the token is, as GitHub answers an installation token that GET /user refuses
  viewer() {
    return { login: users[authorOf[state.token]].login };
  },
  createCommitOnBranch({ input }, request) {
    const repository = input.branch.repositoryNameWithOwner;
    const key = `${repository}:${input.branch.branchName}`;
    if (state.readOnly.has(repository)) throw new GitHubError('FORBIDDEN', 'Resource not accessible by integration');
    const head = state.branches[key];
    if (head === undefined) {
      throw new GitHubError('NOT_FOUND', `A ref named "refs/heads/${input.branch.branchName}" does not exist.`);
    }
    if (input.expectedHeadOid !== head) {
      throw new GitHubError('STALE_DATA', `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`);
    }
    const parent = state.commits[head];
    const files = parent?.files ? { ...parent.files } : null;
    const changes = input.fileChanges ?? {};
    for (const d of changes.deletions ?? []) {
      if (files && !(d.path in files)) {
        throw new GitHubError('UNPROCESSABLE', `A path was requested for deletion which does not exist as of commit oid \`${head}\``);
      }
      if (files) delete files[d.path];
    }
    for (const a of changes.additions ?? []) if (files) files[a.path] = a.contents;
    const message = input.message.body ? `${input.message.headline}\n\n${input.message.body}` : input.message.headline;
    const oid = sha1(`${head}\n${message}\n${JSON.stringify(changes)}\n${state.made.length}`);
    state.commits[oid] = { repository, message, parents: [head], files };
    state.branches[key] = oid;
    state.made.push({ oid, repository, branch: input.branch.branchName, parent: head, message, fileChanges: changes,
      authorization: request.authorization });
    return { commit: { oid, url: `https://github.com/${repository}/commit/${oid}` } };
  },
};

function graphql(res, body) {
  const request = JSON.parse(body);
  const found = problems(request);
  if (found.length > 0) return send(res, 200, { errors: found });
  const result = execute({ schema, document: parse(request.query), rootValue: root,
    variableValues: request.variables, contextValue: { authorization: state.requests.at(-1).authorization } });
  const answer = { data: result.data };
  if (result.errors) {
    answer.errors = result.errors.map((e) => ({ type: e.originalError?.type, path: e.path, locations: e.locations, message: e.message }));
  }
  return send(res, 200, answer);
}

function add(issue, text, author) {
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const c = { id: state.nextId++, issue, body: text, author, created_at: now, updated_at: now };
  state.comments.push(c);
  return c;
}

createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    try {
      handle(req, res, body);
    } catch (e) {
      send(res, 400, error(`fake: ${e.message}`));
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`github fake listening on 127.0.0.1:${port}`));
