/**
 * Wakes subscriptions of this process right after a commit, so they do not wait for their
 * fallback poll. One-shot listeners: a subscription re-registers each time it waits.
 */
export class AppendNotifier {
  private listeners = new Set<() => void>();

  /** Registers a one-shot listener; the returned function removes it. */
  once(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    const listeners = this.listeners;
    this.listeners = new Set();
    for (const listener of listeners) listener();
  }
}
