import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'platform', name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') email!: string;
  @Column('varchar') name!: string;
  @Column('text', { name: 'password_hash' }) passwordHash!: string;
  @Column('text', { name: 'platform_roles', array: true }) platformRoles!: string[];
  @Column('varchar') locale!: string;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt!: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
}
