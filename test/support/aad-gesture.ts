import { sendMouse } from '@web/test-runner-commands';

/**
 * Clicks a real button (a trusted click, so the page has user activation, as a popup needs) whose
 * click handler runs `action`, and returns what `action` resolves to.
 */
export async function click<T>(action: () => Promise<T>): Promise<T> {
  const button = document.createElement('button');
  button.textContent = 'Sign in';
  button.style.cssText = 'position:fixed;left:0;top:0;width:120px;height:40px;z-index:9999';
  document.body.append(button);
  const result = new Promise<T>((resolve, reject) => {
    button.addEventListener('click', () => action().then(resolve, reject), { once: true });
  });
  try {
    await sendMouse({ type: 'click', position: [20, 20] });
    return await result;
  } finally {
    button.remove();
  }
}
