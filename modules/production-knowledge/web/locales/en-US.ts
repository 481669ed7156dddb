import type { knowledgeZhCN } from './zh-CN';

export const knowledgeEnUS: typeof knowledgeZhCN = {
  knowledge: {
    articles: {
      title: 'Knowledge base',
      subtitle: 'Work instructions, fault fixes and tips, at hand on the shop floor.',
      create: 'New article',
      edit: 'Edit article',
      search: 'Search titles, content or tags',
      allCategories: 'All categories',
      allStatuses: 'All statuses',
      query: 'Search',
      reset: 'Reset',
      empty: 'No article yet: click “New article” to start.',
      created: 'Article “{title}” created',
      updated: 'Article “{title}” saved',
      deleted: 'Article “{title}” deleted',
      confirmDelete: 'Delete the article “{title}”? This cannot be undone.',
      deleteTitle: 'Delete article',
      actions: 'Actions',
      editAction: 'Edit',
      deleteAction: 'Delete',
      loadFailed: 'Could not load the articles',
    },
    fields: {
      title: 'Title',
      category: 'Category',
      tags: 'Tags',
      content: 'Content',
      status: 'Status',
      updatedAt: 'Updated',
      createdAt: 'Created',
    },
    placeholders: {
      title: 'e.g. Fixing a noisy lathe spindle',
      category: 'Pick or type a category',
      tags: 'Type a tag and press Enter',
      content: 'Steps, key points, precautions…',
    },
    rules: {
      titleRequired: 'Enter a title',
      titleTooLong: 'At most {max} characters',
      categoryRequired: 'Enter a category',
      categoryTooLong: 'At most {max} characters',
      contentTooLong: 'At most {max} characters',
    },
    status: {
      draft: 'Draft',
      published: 'Published',
    },
  },
};
