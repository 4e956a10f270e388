# The campaign-gate GitHub App as a container: stateless, so run as many replicas as you like
# behind a load balancer (docs/deploy.md). Build: docker build -t campaign-gate-app .
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY src ./src
COPY schemas ./schemas
# No `npm prune --omit=dev`: the app's own packages (probot, @octokit/rest) are optional peers kept
# among the development packages, so the command-line install stays small (README, Install).
# The app needs tsc's lib/ only (`npm run build` also bundles the command line, from scripts/).
RUN npx tsc -p tsconfig.build.json

FROM node:20-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/lib ./lib
COPY schemas ./schemas
COPY package.json app.yml ./
# Not root: the image's own unprivileged user.
USER node
EXPOSE 3000
# Probot answers GET /ping with 200 "PONG" while it serves webhooks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stop accepting webhooks, finish those in flight, exit 0 (src/app/server.ts).
STOPSIGNAL SIGTERM
CMD ["node", "lib/app/server.js"]
