import { existsSync } from 'node:fs'
import type { CodegenConfig } from '@graphql-codegen/cli'

// The server prints its schema to ../server/schema.graphql; until then use the agreed contract.
const schema = existsSync('../server/schema.graphql') ? '../server/schema.graphql' : './schema.tmp.graphql'

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
