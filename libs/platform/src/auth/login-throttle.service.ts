import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TooManyRequestsError } from '../errors/domain-error';
import { REDIS } from '../redis/redis.tokens';

/** Counts failed logins per email + IP in Redis; past the limit the pair gets 429 until the window ends. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(email: string, ip: string): string {
    const digest = createHash('sha256').update(`${email.trim().toLowerCase()}|${ip}`).digest('hex');
    return `${this.config.redisPrefix}:login-fail:${digest}`;
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const key = this.key(email, ip);
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    if (Number(count ?? 0) >= this.config.loginMaxFailures) {
      throw new TooManyRequestsError(
        '登录失败次数过多，请稍后再试 / too many failed logins, try again later',
        Math.max(ttl, 1),
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const key = this.key(email, ip);
    await this.redis.multi().incr(key).expire(key, this.config.loginWindowSeconds, 'NX').exec();
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.redis.del(this.key(email, ip));
  }
}
