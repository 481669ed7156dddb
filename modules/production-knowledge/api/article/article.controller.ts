import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ParseId, RequiresModule, RequirePermission, TenantActor, type Actor } from '@mes/platform';
import { KNOWLEDGE_MODULE_KEY, KnowledgePermission } from '../manifest';
import { ArticleQueryDto, CreateArticleDto, UpdateArticleDto, type ArticleView } from './article.dto';
import { ArticleService } from './article.service';

@ApiTags('production-knowledge')
@ApiBearerAuth()
@RequiresModule(KNOWLEDGE_MODULE_KEY)
@Controller('production-knowledge/articles')
export class ArticleController {
  constructor(private readonly articles: ArticleService) {}

  @RequirePermission(KnowledgePermission.READ)
  @Get()
  list(@Query() query: ArticleQueryDto): Promise<{ items: ArticleView[]; total: number }> {
    return this.articles.list(query);
  }

  @RequirePermission(KnowledgePermission.READ)
  @Get(':id')
  get(@Param('id', ParseId) id: string): Promise<ArticleView> {
    return this.articles.get(id);
  }

  @RequirePermission(KnowledgePermission.WRITE)
  @Post()
  create(
    @TenantActor() actor: Actor & { tenantId: string },
    @Body() dto: CreateArticleDto,
  ): Promise<ArticleView> {
    return this.articles.create(actor, dto);
  }

  @RequirePermission(KnowledgePermission.WRITE)
  @Patch(':id')
  update(
    @TenantActor() actor: Actor,
    @Param('id', ParseId) id: string,
    @Body() dto: UpdateArticleDto,
  ): Promise<ArticleView> {
    return this.articles.update(actor, id, dto);
  }

  @RequirePermission(KnowledgePermission.WRITE)
  @Delete(':id')
  @HttpCode(204)
  async remove(@Param('id', ParseId) id: string): Promise<void> {
    await this.articles.remove(id);
  }
}
