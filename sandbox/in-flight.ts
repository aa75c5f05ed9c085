/** Keeps the sends still running, so `idle()` can wait until every retry has settled. */
export function createInFlight() {
  const tasks = new Set<Promise<unknown>>();
  return {
    track<T>(task: Promise<T>): Promise<T> {
      tasks.add(task);
      const forget = () => tasks.delete(task);
      task.then(forget, forget);
      return task;
    },
    async idle(): Promise<void> {
      while (tasks.size > 0) await Promise.allSettled([...tasks]);
    },
  };
}
