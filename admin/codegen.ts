import type { CodegenConfig } from '@graphql-codegen/cli'

// The schema the server prints (`pnpm schema:print`), committed beside it.
const schema = '../server/schema.graphql'

const config: CodegenConfig = {
  schema,
  documents: ['src/**/*.{ts,vue}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown', File: 'File', Montant: 'string' },
      },
    },
  },
}

export default config
