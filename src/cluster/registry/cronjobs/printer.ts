// `kubectl get cronjobs`: SCHEDULE, TIMEZONE, SUSPEND, ACTIVE, LAST SCHEDULE; wide CONTAINERS, IMAGES, SELECTOR.
import type { Printer } from "../types";
import { translateTimestampSince } from "../printing/age";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "../printing/columns";
import { at, list, record, text } from "../printing/fields";
import { containerCells, formatBoolPtr, NONE } from "../printing/format";
import { formatLabelSelector } from "../printing/label-selector";

export const printer: Printer = {
  columns: [
    nameColumn,
    column("Schedule", "string", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron."),
    column("Timezone", "string", "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones."),
    column("Suspend", "boolean", "This flag tells the controller to suspend subsequent executions, it does not apply to already started executions. Defaults to false."),
    column("Active", "integer", "A list of pointers to currently running jobs."),
    column("Last Schedule", "string", "Information when was the last time the job was successfully scheduled."),
    ageColumn,
    containersColumn,
    imagesColumn,
    column("Selector", "string", "A label query over pods that should match the pod count.", 1),
  ],
  cells(cj, now) {
    const spec = record(cj.spec);
    const status = record(cj.status);
    const jobSpec = at(spec.jobTemplate, "spec");
    const { names, images } = containerCells(at(jobSpec, "template", "spec", "containers"));
    const lastScheduleTime = status.lastScheduleTime;
    const lastSchedule = typeof lastScheduleTime === "string" ? translateTimestampSince(lastScheduleTime, now) : NONE;
    return [
      cj.metadata.name ?? "",
      text(spec.schedule),
      typeof spec.timeZone === "string" ? spec.timeZone : NONE,
      formatBoolPtr(spec.suspend),
      list(status.active).length,
      lastSchedule,
      translateTimestampSince(cj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(at(jobSpec, "selector")),
    ];
  },
};
