'use client';
/**
 * The person's tag alerts: kept in `localStorage`, checked against every new state (also while
 * the display is paused), shown as marks in the page and, with permission, as notifications.
 * Permission is asked when an alert is set: browsers allow the prompt only after a gesture.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DashboardState } from './dashboard-state';
import type { AlertFiring, AlertMemory, TagAlert } from './tag-alerts';
import {
  ALERTS_STORAGE_KEY,
  checkAlerts,
  parseTagAlerts,
  removeAlert,
  setAlert,
} from './tag-alerts';
import { useStoredState } from './use-stored-state';

/** Marks kept in the page, newest first. */
const MAX_MARKS = 5;

export interface TagAlerts {
  alerts: TagAlert[];
  /** Alerts that fired since the page opened and were not dismissed, newest first. */
  marks: AlertFiring[];
  setTagAlert: (alert: TagAlert) => void;
  removeTagAlert: (key: string) => void;
  dismissMark: (firing: AlertFiring) => void;
}

const NO_ALERTS: TagAlert[] = [];

export function useTagAlerts(latest: DashboardState | null): TagAlerts {
  const [alerts, updateAlerts] = useStoredState(ALERTS_STORAGE_KEY, parseTagAlerts, NO_ALERTS);
  const [marks, setMarks] = useState<AlertFiring[]>([]);
  const memory = useRef<AlertMemory>(new Map());

  useEffect(() => {
    if (!latest) return;
    const result = checkAlerts(alerts, memory.current, latest);
    memory.current = result.memory;
    if (!result.firings.length) return;
    setMarks((shown) => [...result.firings.toReversed(), ...shown].slice(0, MAX_MARKS));
    for (const firing of result.firings) showNotification(firing);
  }, [latest, alerts]);

  const setTagAlert = useCallback(
    (alert: TagAlert) => {
      askPermission();
      updateAlerts((list) => setAlert(list, alert));
    },
    [updateAlerts],
  );
  const removeTagAlert = useCallback(
    (key: string) => updateAlerts((list) => removeAlert(list, key)),
    [updateAlerts],
  );
  const dismissMark = useCallback(
    (firing: AlertFiring) => setMarks((shown) => shown.filter((mark) => mark !== firing)),
    [],
  );
  return { alerts, marks, setTagAlert, removeTagAlert, dismissMark };
}

function askPermission() {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

function showNotification(firing: AlertFiring) {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification('Tagstream', { body: firing.message, tag: `tagstream-${firing.key}` });
  } catch {
    // Some browsers allow notifications only from a service worker; the mark in the page stays.
  }
}
