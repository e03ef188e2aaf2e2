import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../api/auth';
import { sortTasks, useTasks, useUpdateTask } from '../api/caseload';
import { ErrorAlert } from '../components/error-alert';
import { Pagination } from '../components/pagination';
import { formatDate } from '../i18n/format';
import { useAnnounce } from '../layout/announcer';

const PAGE_SIZE = 20;

/** The user's open tasks, overdue first and marked as such in words, colour and icon. */
export function TaskList() {
  const { t } = useTranslation();
  const me = useMe();
  const [page, setPage] = useState(1);
  // A caseworker sees their own tasks; a manager those of their unit (or organisation), as the server decides.
  const team = can(me, 'spell.assign');
  const tasks = useTasks({ scope: team ? undefined : 'mine', status: 'open', page, pageSize: PAGE_SIZE });
  const update = useUpdateTask();
  const announce = useAnnounce();
  const items = sortTasks(tasks.data?.items ?? []);
  return (
    <section aria-labelledby="tasks-heading" className="app-tasks">
      <h2 id="tasks-heading">{team ? t('tasks.teamTitle') : t('tasks.title')}</h2>
      {tasks.error ? <ErrorAlert error={tasks.error} /> : null}
      {update.error ? <ErrorAlert error={update.error} /> : null}
      <p className="app-result-count" role="status">
        {tasks.data ? t('tasks.count', { count: tasks.data.total }) : tasks.error ? '' : t('common.loading')}
      </p>
      {items.length > 0 ? (
        <ul className="nobullet-list app-plain-list app-task-list" data-testid="task-list" data-page={tasks.data?.page} aria-busy={tasks.isFetching}>
          {items.map((task) => (
            <li key={task.id} className={task.overdue ? 'app-task app-task--overdue' : 'app-task'} data-kind={task.kind}>
              {task.overdue ? (
                <span className="app-light app-light--overdue">
                  <span className="app-light-icon" aria-hidden="true">
                    !
                  </span>
                  {t('tasks.overdue')}
                </span>
              ) : null}
              <p className="app-task-title">
                {task.spellId ? (
                  <Link to="/spells/$id" params={{ id: task.spellId }}>
                    {task.title}
                  </Link>
                ) : (
                  task.title
                )}
              </p>
              <p className="app-muted">
                {task.jobseeker ? `${task.jobseeker.firstName} ${task.jobseeker.lastName} · ` : ''}
                {team && task.assignee ? `${task.assignee.name} · ` : ''}
                {t('tasks.due', { date: formatDate(task.dueDate) })}
              </p>
              <button
                type="button"
                className="button button-tertiary app-inline-button-left"
                disabled={update.isPending && update.variables?.id === task.id}
                onClick={() => update.mutate({ id: task.id, status: 'done' }, { onSuccess: () => announce(t('tasks.doneAnnounced', { title: task.title })) })}
              >
                {t('tasks.markDone')}
                <span className="sr-only">
                  {': '}
                  {task.title}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {tasks.data ? <Pagination label={t('tasks.paging')} page={page} pageSize={PAGE_SIZE} total={tasks.data.total} onPage={setPage} /> : null}
    </section>
  );
}
