import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

type EntityList = MixedList<string | (new () => unknown) | EntitySchema>;
type MigrationList = MixedList<string | (new () => unknown)>;

export function buildDataSourceOptions(
  url: string,
  entities: EntityList,
  migrations: MigrationList,
  poolSize = 20,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: poolSize, application_name: 'mes' },
  };
}
