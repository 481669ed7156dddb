import type { ElMessageBoxOptions, MessageOptions } from 'element-plus';

// Element Plus's message and message box (and their CSS) load on first use: they are not needed
// to paint the first page.
let impl: Promise<typeof import('./feedback-impl')> | null = null;
const load = () => (impl ??= import('./feedback-impl'));

type MessageType = NonNullable<MessageOptions['type']>;

function message(type: MessageType, text: string, duration?: number): void {
  void load().then(({ ElMessage }) => {
    ElMessage({ type, message: text, grouping: true, ...(duration ? { duration } : {}) });
  });
}

/** Toasts at the top of the page. */
export const notify = {
  success: (text: string) => {
    message('success', text);
  },
  info: (text: string) => {
    message('info', text);
  },
  warning: (text: string) => {
    message('warning', text);
  },
  error: (text: string) => {
    message('error', text, 5000);
  },
};

type DialogMessage = ElMessageBoxOptions['message'];

/** A confirmation dialog; resolves true on confirm, false on cancel/close. */
export async function confirmDialog(
  text: DialogMessage,
  title: string,
  options: ElMessageBoxOptions = {},
): Promise<boolean> {
  const { ElMessageBox } = await load();
  try {
    await ElMessageBox.confirm(text, title, { type: 'warning', ...options });
    return true;
  } catch {
    return false;
  }
}

/** Like `confirmDialog`, telling the second button ('cancel') from closing the box ('close'). */
export async function choiceDialog(
  text: DialogMessage,
  title: string,
  options: ElMessageBoxOptions = {},
): Promise<'confirm' | 'cancel' | 'close'> {
  const { ElMessageBox } = await load();
  try {
    await ElMessageBox.confirm(text, title, { distinguishCancelAndClose: true, ...options });
    return 'confirm';
  } catch (action) {
    return action === 'cancel' ? 'cancel' : 'close';
  }
}

/** An information box with one button; resolves when it is closed. */
export async function alertDialog(text: DialogMessage, title: string, options: ElMessageBoxOptions = {}) {
  const { ElMessageBox } = await load();
  try {
    await ElMessageBox.alert(text, title, options);
  } catch {
    // closed
  }
}
