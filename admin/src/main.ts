import { createApp } from "vue";
import App from "./App.vue";
import { install as installDsfr } from "./modules/dsfr";
import { install as installRouter } from "./modules/router";
import { install as installUrql } from "./modules/urql";
import "./styles/main.css";

const app = createApp(App);
installDsfr(app);
installUrql(app);
installRouter(app);

// Mounted at once: the layout and « Chargement… » show while the guard asks who is logged in (the view
// stays empty until that first navigation ends, so the login page never flashes).
app.mount("#app");
