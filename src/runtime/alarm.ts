// The only place that sets the Durable Object's alarm. Callers say when they next need to run; the alarm is kept at
// the earliest such time.

export class AlarmScheduler {
  private armedAt: number | null | undefined;

  constructor(private readonly storage: DurableObjectStorage) {}

  /** Make sure the alarm fires no later than `at` (ms). */
  async atOrBefore(at: number): Promise<void> {
    if (this.armedAt === undefined) this.armedAt = await this.storage.getAlarm();
    if (this.armedAt !== null && this.armedAt <= at) return;
    this.armedAt = at;
    await this.storage.setAlarm(at);
  }

  /** Replace the alarm with exactly `at` (after an alarm ran, or when the earliest need moved later). */
  async set(at: number | null): Promise<void> {
    if (at === null) {
      this.armedAt = null;
      await this.storage.deleteAlarm();
      return;
    }
    this.armedAt = at;
    await this.storage.setAlarm(at);
  }

  /** The alarm just fired: storage no longer holds it. */
  fired(): void {
    this.armedAt = null;
  }
}
