# syntax=docker/dockerfile:1
# Tagstream on Cloud Run: one process serves Next, socket.io and the ingestion loop on $PORT.
# Next's `output: 'standalone'` does not apply to a custom server, so the image ships `.next`,
# the production node_modules and the server sources (run by tsx).

ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=8080
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --chown=node:node package.json tsconfig.json tsconfig.next.json next.config.js ./
COPY --chown=node:node public ./public
COPY --chown=node:node lib ./lib
COPY --chown=node:node server ./server
COPY --chown=node:node fixtures ./fixtures
USER node
EXPOSE 8080
# Cloud Run sends SIGTERM and kills about 10 s later; the server stops the X stream and exits 0.
CMD ["node", "--import", "tsx", "server/main.ts"]
