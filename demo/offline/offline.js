// The NVR page's only script: says who signed up. Text only, never HTML.
const result = document.getElementById('result');
document.querySelector('hik-register').addEventListener('hik-register-success', (e) => {
  result.textContent = `Account ${e.detail.username} created. Sign in to Hik-Connect with it.`;
});
