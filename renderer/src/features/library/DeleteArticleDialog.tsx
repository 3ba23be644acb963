import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../ui/Dialog';
import { plural } from '../../components/plural';
import { CitedInBriefs } from '../trash/CitedInBriefs';

interface DeleteArticleDialogProps {
  article: { id: string; title: string; claimCount: number };
  onClose(): void;
  onDeleted(): void;
}

/**
 * Asks before an article (with its claims) goes to the trash, saying how many claims go with it
 * and which briefs cite them. The destructive button has focus, so Enter confirms.
 */
export function DeleteArticleDialog({ article, onClose, onDeleted }: DeleteArticleDialogProps) {
  const citing = useQuery({ queryKey: ['briefs', 'citing-article', article.id], queryFn: () => api.briefsCiting({ articleId: article.id }) });
  const remove = async () => {
    await api.deleteArticle({ id: article.id });
    onDeleted();
  };
  return (
    <ConfirmDialog title="Delete this article?" testId="delete-article" confirm="Delete article" run={remove} onClose={onClose}>
      <p>
        “{article.title}”{article.claimCount > 0 ? ` and its ${plural(article.claimCount, 'claim')}` : ''} go to the notebook’s trash, from where they
        can be restored.
      </p>
      <CitedInBriefs briefs={citing.data} what={article.claimCount === 1 ? 'Its claim' : 'Its claims'} />
    </ConfirmDialog>
  );
}
