// Imported first by bench/run.ts: the in-process product runs as the server does in production
// (bench/http.ts starts it with NODE_ENV=production), so graphql-js skips its development checks.
process.env.NODE_ENV ??= "production";
