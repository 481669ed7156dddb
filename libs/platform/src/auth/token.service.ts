import { createHash, createPublicKey, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { newId, type Role } from '@mes/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UnauthenticatedError } from '../errors/domain-error';
import type { Actor } from '../database/request-context';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface AccessTokenClaims {
  sub: string;
  email: string;
  tid: string | null;
  tsl: string | null;
  roles: Role[];
  typ: 'access';
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The key jsonwebtoken would make from `secret` on every verify (a public key when it parses as one,
 * else a secret key), made once: on each call it first tries createPublicKey, whose failure (an
 * exception with a stack) cost ~1 ms of CPU per request — a quarter of the report benchmark's budget.
 */
function verificationKey(secret: string): KeyObject {
  try {
    return createPublicKey(secret);
  } catch {
    return createSecretKey(Buffer.from(secret));
  }
}

/** Short-lived JWT access tokens scoped to one tenant; opaque refresh tokens stored hashed, rotated. */
@Injectable()
export class TokenService {
  private readonly accessKey: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.accessKey = verificationKey(config.jwtSecret);
  }

  async issue(
    manager: EntityManager,
    actor: Actor,
    familyId: string = newId(),
  ): Promise<IssuedTokens & { refreshId: string }> {
    const claims: AccessTokenClaims = {
      sub: actor.userId,
      email: actor.email,
      tid: actor.tenantId,
      tsl: actor.tenantSlug,
      roles: actor.roles,
      typ: 'access',
    };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      expiresIn: this.config.accessTokenTtlSeconds,
      algorithm: 'HS256',
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshId = newId();
    await manager.insert(RefreshTokenEntity, {
      id: refreshId,
      userId: actor.userId,
      tenantId: actor.tenantId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    return { accessToken, refreshToken, refreshId };
  }

  async verifyAccess(token: string): Promise<AccessTokenClaims> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        // jsonwebtoken takes a KeyObject as is; @nestjs/jwt's type only names string | Buffer.
        secret: this.accessKey as unknown as string,
        algorithms: ['HS256'],
      });
      if ((claims as { typ?: string }).typ !== 'access') throw new Error('not an access token');
      return claims;
    } catch {
      throw new UnauthenticatedError();
    }
  }

  /**
   * Consumes a refresh token under a row lock. A token used twice means it leaked: the whole family
   * is revoked and both holders must sign in again. Returns null for any invalid token, so the caller's
   * transaction still commits the revocation before it answers 401.
   */
  async consumeRefresh(manager: EntityManager, refreshToken: string): Promise<RefreshTokenEntity | null> {
    const row = await manager
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.token_hash = :hash', { hash: sha256(refreshToken) })
      .getOne();
    if (!row) return null;
    if (row.revokedAt) {
      await this.revokeFamily(manager, row.familyId);
      return null;
    }
    if (row.expiresAt.getTime() <= Date.now()) return null;
    await manager.update(RefreshTokenEntity, { id: row.id }, { revokedAt: new Date() });
    return row;
  }

  async markReplaced(manager: EntityManager, oldId: string, newIdValue: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { id: oldId }, { replacedBy: newIdValue });
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()' })
      .where('family_id = :familyId AND revoked_at IS NULL', { familyId })
      .execute();
  }

  async revokeByToken(manager: EntityManager, refreshToken: string): Promise<void> {
    const row = await manager.findOneBy(RefreshTokenEntity, { tokenHash: sha256(refreshToken) });
    if (row) await this.revokeFamily(manager, row.familyId);
  }
}
