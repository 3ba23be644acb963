import type { ApiHandlers } from '../../../shared/api';
import type { annotateMethods } from '../../../shared/api/contract-annotate';
import type { CoreContext } from '../context';
import { createActor, deleteActor, mergeActors, updateActor } from '../codebook/codebook-actors';
import { createIssue, deleteIssue, mergeIssues, renameProposition, updateIssue } from '../codebook/codebook-issues';
import { createStance, deleteStance, mergeStances, moveStance, updateStance } from '../codebook/codebook-stances';
import { createTag, deleteTag, mergeTags, updateTag } from '../codebook/codebook-tags';
import { getCodebookUsage } from '../codebook/codebook-usage';
import { historyOf } from './history';
import { confirmPlacement, listAnchorReview, listOrphans, resolveOrphan } from '../claims/orphans';
import { restoreRemovedBlock } from '../articles/restore-removed-block';
import { getArticleRevisions, reviseArticleText } from '../articles/revise-article';

/** Handlers for the methods in shared/api/contract-annotate.ts. */
export function createAnnotateHandlers(context: CoreContext): Pick<ApiHandlers, keyof typeof annotateMethods> {
  const history = historyOf(context);
  return {
    reviseArticleText: ({ articleId, text }) => reviseArticleText(context, articleId, text),
    restoreRemovedBlock: ({ articleId, index }) => restoreRemovedBlock(context, articleId, index),
    getArticleRevisions: ({ articleId }) => getArticleRevisions(context, articleId),
    listOrphans: ({ articleId }) => listOrphans(context, articleId),
    resolveOrphan: (request) => resolveOrphan(context, request),
    listAnchorReview: ({ articleId }) => listAnchorReview(context, articleId),
    confirmPlacement: ({ articleId, claimId }) => confirmPlacement(context, articleId, claimId),

    getCodebookUsage: () => getCodebookUsage(context),

    createActor: (fields) => createActor(context, fields),
    updateActor: ({ id, patch }) => updateActor(context, id, patch),
    mergeActors: ({ fromId, intoId }) => mergeActors(context, fromId, intoId),
    deleteActor: ({ id, reassignTo }) => deleteActor(context, id, reassignTo),

    createIssue: (fields) => createIssue(context, fields),
    updateIssue: ({ id, patch }) => updateIssue(context, id, patch),
    renameProposition: ({ issueId, from, to }) => renameProposition(context, issueId, from, to),
    mergeIssues: ({ fromId, intoId }) => mergeIssues(context, fromId, intoId),
    deleteIssue: ({ id, reassignTo, childrenTo }) => deleteIssue(context, id, reassignTo, childrenTo),

    createStance: (fields) => createStance(context, fields),
    updateStance: ({ id, patch }) => updateStance(context, id, patch),
    moveStance: ({ id, toIndex }) => moveStance(context, id, toIndex),
    mergeStances: ({ fromId, intoId }) => mergeStances(context, fromId, intoId),
    deleteStance: ({ id, reassignTo }) => deleteStance(context, id, reassignTo),

    createTag: (fields) => createTag(context, fields),
    updateTag: ({ id, patch }) => updateTag(context, id, patch),
    mergeTags: ({ fromId, intoId }) => mergeTags(context, fromId, intoId),
    deleteTag: ({ id, reassignTo }) => deleteTag(context, id, reassignTo),

    undo: () => history.undo(),
    redo: () => history.redo(),
    getHistory: () => history.settledState(),
  };
}
